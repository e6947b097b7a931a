// The one durable delivery queue for every channel (email, sms): each request is stored here first (SQLite, WAL) and
// only then delivered by a worker, so an outage or a crash loses nothing, an idempotency key never sends twice, and a
// recipient cannot be flooded. The queue does not know how an email or a text is made: a channel hands it the
// recipient, its options as JSON and (optionally) the rendered message as JSON; the worker hands each claimed message
// back to that channel's renderer and transport.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { hashOf, keyDigest } from './digest.js'
import { migrateOldOutbox, SCHEMA, SCHEMA_VERSION } from './schema.js'
import { maskRecipientsIn } from './redact.js'

export const CHANNELS = ['email', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]
export type QueueStatus = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'cancelled'
/** The states a message may be cancelled in: nothing has it yet. Cancelled is final, like sent and failed. */
const CANCELLABLE = ['queued', 'retrying'] as const

/** What `cancel` did: cancelled, or why not (the message's state, in plain words). */
export type CancelResult = { cancelled: true; message: QueuedMessage } | { cancelled: false; status?: QueueStatus; reason: string }
export type Origin = 'cli' | 'api' | 'web'
export type JsonObject = { [key: string]: unknown }

/** An idempotency key sent again with a different request: refused, since answering with the first id would silently send the second request nothing. */
export class IdempotencyConflictError extends Error {
  readonly field = 'idempotencyKey'
  constructor(message: string) {
    super(message)
    this.name = 'IdempotencyConflictError'
  }
}

export class RateLimitError extends Error {
  readonly retryAfterMs: number
  constructor(message: string, retryAfterMs: number) {
    super(message)
    this.name = 'RateLimitError'
    this.retryAfterMs = retryAfterMs
  }
}

/** Why a send did not work, as the channel's transport classified it. */
export type SendFailure = {
  /** Refused for good (a 5xx SMTP reply, a number Notify says does not exist): no retry. */
  permanent: boolean
  responseCode?: number
  message: string
  /** The server asked to wait at least this long (a 429's Retry-After). */
  retryAfterMs?: number
}

/** What staff and API clients may see of a message: the recipient only masked. */
export type QueuedMessage = {
  id: string
  channel: Channel
  status: QueueStatus
  origin: Origin
  guide: string
  area?: string
  /** The channel's own options (no personal data), e.g. { attachLeaflet, neutral } for email. */
  options: JsonObject
  /** The recipient, masked. */
  to: string
  /** The stable reference the transport sees on every attempt (an email's Message-ID, a text's Notify reference). */
  reference: string
  attempts: number
  lastError?: string
  lastResponseCode?: number
  deliveredTo?: string
  /** The provider's own id for the latest accepted attempt (Notify's notification id). */
  providerId?: string
  /** The latest delivery receipt from the provider (e.g. Notify's "delivered", "permanent-failure"). */
  receipt?: { status: string; at: string }
  createdAt: string
  nextAttemptAt?: string
  sentAt?: string
  finishedAt?: string
  /** Who cancelled it (a staff name, "cli"), when its state is cancelled. */
  cancelledBy?: string
  purged: boolean
}

/** A claimed message, with what the channel needs to send it. */
export type ClaimedQueueMessage = QueuedMessage & {
  address: string | null
  name: string | null
  /** What the channel rendered and stored (as JSON), if it did. */
  snapshot?: JsonObject
  attachment?: { fileName: string; content: Buffer }
}

export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number }

export type QueueOptions = {
  /** SQLite file (":memory:" for none). */
  path: string
  /** Injectable clock (ms since epoch), for tests. */
  now?: () => number
  /** Exponential back-off per channel (default 1 minute doubling to 1 hour, 12 attempts). */
  retry?: Partial<Record<Channel, Partial<RetryPolicy>>>
  /** How long after a final state the recipient is erased (default 30 days). */
  retentionMs?: number
  /** A message in "sending" longer than this without renewal is taken to be abandoned (default 5 minutes). */
  leaseMs?: number
}

export type EnqueueInput = {
  channel: Channel
  origin: Origin
  guide: string
  area: string | null
  options: JsonObject
  recipient: {
    /** The address or number to send to, as the transport needs it. */
    address: string
    name?: string
    /** The recipient as counted by the per-recipient limit (lower-cased address, E.164 number). */
    key: string
    masked: string
  }
  /** The idempotency key as the channel scoped it (already validated); stored only as a digest. */
  idempotencyKey?: string
  /** A digest of what decides what is sent and to whom: the same key with another digest is refused. */
  requestDigest: string
  apiClient?: string
  /** The transport's stable reference for this message (made once, kept on every attempt). */
  reference: string
  /** The rendered message, stored now so a resend is byte-for-byte the same. */
  snapshot?: JsonObject
  limit: { limit: number; windowMs: number; /** "advice emails", "advice texts" */ what: string }
  /** Refusal text for an idempotency conflict (names what differs for this channel). */
  conflictMessage?: string
}

type Row = {
  id: string
  channel: Channel
  status: QueueStatus
  origin: Origin
  guide: string
  area: string | null
  options: string
  to_address: string | null
  to_name: string | null
  to_masked: string
  message_id: string
  render_hash: string | null
  attachment_hash: string | null
  attempts: number
  last_error: string | null
  last_response_code: number | null
  delivered_to: string | null
  provider_id: string | null
  receipt_status: string | null
  receipt_at: number | null
  created_at: number
  next_attempt_at: number
  claimed_by: string | null
  claimed_at: number | null
  sent_at: number | null
  finished_at: number | null
  cancelled_by: string | null
  purged_at: number | null
}

const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString())

function publicView(row: Row): QueuedMessage {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    origin: row.origin,
    guide: row.guide,
    area: row.area ?? undefined,
    options: JSON.parse(row.options) as JsonObject,
    to: row.to_masked,
    reference: row.message_id,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    lastResponseCode: row.last_response_code ?? undefined,
    deliveredTo: row.delivered_to ?? undefined,
    providerId: row.provider_id ?? undefined,
    receipt: row.receipt_status === null ? undefined : { status: row.receipt_status, at: iso(row.receipt_at) ?? '' },
    createdAt: iso(row.created_at) ?? '',
    nextAttemptAt: row.status === 'queued' || row.status === 'retrying' ? iso(row.next_attempt_at) : undefined,
    sentAt: iso(row.sent_at),
    finishedAt: iso(row.finished_at),
    cancelledBy: row.cancelled_by ?? undefined,
    purged: row.purged_at !== null,
  }
}

/** This process, as recorded on the rows it claims: a crashed owner on this host is seen at once. */
export const WORKER_ID = `${hostname()}:${process.pid}`

function ownerIsDead(claimedBy: string | null): boolean {
  if (!claimedBy) return true
  const at = claimedBy.lastIndexOf(':')
  if (claimedBy.slice(0, at) !== hostname()) return false
  const pid = Number(claimedBy.slice(at + 1))
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const DEFAULT_RETRY: RetryPolicy = { baseMs: 60_000, capMs: 60 * 60 * 1000, maxAttempts: 12 }

type Filter = { channel?: Channel }
const channelClause = (f: Filter, prefix = 'AND') => (f.channel ? ` ${prefix} channel = @channel` : '')

export class Queue {
  readonly path: string
  readonly db: Database.Database
  private readonly now: () => number
  private readonly retryPolicies: Record<Channel, RetryPolicy>
  /** How long recipients are kept after a message's final state. */
  readonly retentionMs: number
  /** How long a claim lasts without renewal; a live worker renews its claims well within it. */
  readonly leaseMs: number

  constructor(options: QueueOptions) {
    this.path = options.path
    this.now = options.now ?? Date.now
    this.retryPolicies = { email: { ...DEFAULT_RETRY, ...options.retry?.email }, sms: { ...DEFAULT_RETRY, ...options.retry?.sms } }
    this.retentionMs = options.retentionMs ?? 30 * 24 * 60 * 60 * 1000
    this.leaseMs = options.leaseMs ?? 5 * 60 * 1000
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true })
    this.db = new Database(this.path)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    // Erased recipients are overwritten in the file, not just unlinked from the row (see purge).
    this.db.pragma('secure_delete = ON')
    try {
      migrateOldOutbox(this.db, this.path)
    } catch (e) {
      this.db.close()
      throw e
    }
    this.db.exec(SCHEMA)
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }

  /**
   * Stores a request (status queued); the same idempotency key returns the first request's id with created: false,
   * and the same key with another request is refused. At most `limit` requests per recipient per window.
   */
  enqueue(input: EnqueueInput): { id: string; created: boolean } {
    const idempotencyKey = input.idempotencyKey ? keyDigest(input.idempotencyKey) : undefined
    const now = this.now()
    const txn = this.db.transaction((): { id: string; created: boolean } => {
      if (idempotencyKey) {
        const existing = this.db.prepare('SELECT id, request_digest FROM messages WHERE idempotency_key = ?').get(idempotencyKey) as
          { id: string; request_digest: string | null } | undefined
        // A row from before schema 4 has no request digest: its key is answered as it always was.
        if (existing && existing.request_digest !== null && existing.request_digest !== input.requestDigest) {
          throw new IdempotencyConflictError(
            input.conflictMessage ??
              "idempotencyKey: this idempotency key was already used for a different request. Use a new key for a new request; send exactly the same request to get the first one's id.",
          )
        }
        if (existing) return { id: existing.id, created: false }
      }
      const { limit, windowMs, what } = input.limit
      const recent = this.db
        .prepare('SELECT count(*) AS n, min(created_at) AS first FROM messages WHERE recipient_key = ? AND created_at > ?')
        .get(input.recipient.key, now - windowMs) as { n: number; first: number | null }
      if (recent.n >= limit) {
        const retryAfterMs = Math.max(1000, (recent.first ?? now) + windowMs - now)
        throw new RateLimitError(
          `Too many ${what} to ${input.recipient.masked}: at most ${limit} in ${Math.round(windowMs / 60000)} minutes. Try again in ${Math.ceil(retryAfterMs / 60000)} minutes.`,
          retryAfterMs,
        )
      }
      const id = randomUUID()
      this.db
        .prepare(
          `INSERT INTO messages (id, channel, status, origin, guide, area, options, to_address, to_name, recipient_key, to_masked,
             idempotency_key, request_digest, api_client, message_id, render_hash, created_at, next_attempt_at)
           VALUES (@id, @channel, 'queued', @origin, @guide, @area, @options, @to, @name, @key, @masked, @idem, @digest, @apiClient,
             @reference, @render, @now, @now)`,
        )
        .run({
          id,
          channel: input.channel,
          origin: input.origin,
          guide: input.guide,
          area: input.area,
          options: JSON.stringify(input.options),
          to: input.recipient.address,
          name: input.recipient.name ?? null,
          key: input.recipient.key,
          masked: input.recipient.masked,
          idem: idempotencyKey ?? null,
          digest: idempotencyKey ? input.requestDigest : null,
          apiClient: input.apiClient ?? null,
          reference: input.reference,
          render: input.snapshot ? this.storeSnapshot(input.snapshot) : null,
          now,
        })
      return { id, created: true }
    })
    return txn.immediate()
  }

  /** Stored snapshots and attachments never change (named by hash), so they are cached freely. */
  private readonly snapshotCache = new Map<string, JsonObject>()
  private readonly attachmentCache = new Map<string, { fileName: string; content: Buffer }>()

  private storeSnapshot(snapshot: JsonObject): string {
    const data = JSON.stringify(snapshot)
    const hash = hashOf(data)
    if (!this.snapshotCache.has(hash)) {
      this.db.prepare('INSERT OR IGNORE INTO snapshots (hash, data) VALUES (?, ?)').run(hash, data)
      this.snapshotCache.set(hash, snapshot)
    }
    return hash
  }

  private loadSnapshot(hash: string | null): JsonObject | undefined {
    if (!hash) return undefined
    let s = this.snapshotCache.get(hash)
    if (!s) {
      const row = this.db.prepare('SELECT data FROM snapshots WHERE hash = ?').get(hash) as { data: string } | undefined
      if (row) this.snapshotCache.set(hash, (s = JSON.parse(row.data) as JsonObject))
    }
    return s
  }

  private loadAttachment(hash: string | null): { fileName: string; content: Buffer } | undefined {
    if (!hash) return undefined
    let a = this.attachmentCache.get(hash)
    if (!a) {
      const row = this.db.prepare('SELECT file_name, content FROM attachments WHERE hash = ?').get(hash) as { file_name: string; content: Buffer } | undefined
      if (row) this.attachmentCache.set(hash, (a = { fileName: row.file_name, content: row.content }))
    }
    return a
  }

  private claimedView(row: Row): ClaimedQueueMessage {
    return {
      ...publicView(row),
      address: row.to_address,
      name: row.to_name,
      snapshot: this.loadSnapshot(row.render_hash),
      attachment: this.loadAttachment(row.attachment_hash),
    }
  }

  get(id: string, filter: Filter = {}): QueuedMessage | undefined {
    const row = this.db.prepare(`SELECT * FROM messages WHERE id = @id${channelClause(filter)}`).get({ id, ...filter }) as Row | undefined
    return row ? publicView(row) : undefined
  }

  /** A message only if this API client created it: another client's, or one from the CLI or the site, is not found. */
  getForApiClient(id: string, apiClient: string, filter: Filter = {}): QueuedMessage | undefined {
    const row = this.db
      .prepare(`SELECT * FROM messages WHERE id = @id AND api_client = @apiClient${channelClause(filter)}`)
      .get({ id, apiClient, ...filter }) as Row | undefined
    return row ? publicView(row) : undefined
  }

  /** The message a provider knows by this id (a delivery receipt names it so). */
  findByProviderId(providerId: string): QueuedMessage | undefined {
    const row = this.db.prepare('SELECT * FROM messages WHERE provider_id = ?').get(providerId) as Row | undefined
    return row ? publicView(row) : undefined
  }

  list(options: { limit?: number; status?: QueueStatus; channel?: Channel } = {}): QueuedMessage[] {
    const where = [options.status ? 'status = @status' : '', options.channel ? 'channel = @channel' : ''].filter(Boolean)
    const rows = this.db
      .prepare(`SELECT * FROM messages${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT @limit`)
      .all({
        limit: options.limit ?? 20,
        ...(options.status ? { status: options.status } : {}),
        ...(options.channel ? { channel: options.channel } : {}),
      }) as Row[]
    return rows.map(publicView)
  }

  counts(filter: Filter = {}): Record<QueueStatus, number> {
    const out: Record<QueueStatus, number> = { queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 }
    const rows = this.db.prepare(`SELECT status, count(*) AS n FROM messages${channelClause(filter, 'WHERE')} GROUP BY status`).all(filter) as {
      status: QueueStatus
      n: number
    }[]
    for (const r of rows) out[r.status] = r.n
    return out
  }

  /**
   * Messages a stopped worker left in "sending" go back to the queue, keeping their reference: those whose worker on
   * this host is gone (seen at once), and those whose claim was not renewed within the lease (a worker elsewhere that
   * stopped, or one stuck). A live worker renews the claims of everything it is sending (`renewClaims`), however slow
   * the server, so nothing it is still sending is taken from it.
   */
  recoverAbandoned(filter: { channels?: readonly Channel[] } = {}): { ownerGone: number; notRenewed: number } {
    const now = this.now()
    const channels = filter.channels ?? CHANNELS
    const select = this.db.prepare(
      `SELECT id, claimed_by, claimed_at FROM messages WHERE status = 'sending' AND channel IN (${channels.map(() => '?').join(',')})`,
    )
    const update = this.db.prepare(
      "UPDATE messages SET status = 'retrying', next_attempt_at = ?, claimed_by = NULL, last_error = coalesce(last_error, 'Interrupted while sending; sending again.') WHERE id = ? AND status = 'sending'",
    )
    const reasonFor = (r: Pick<Row, 'claimed_by' | 'claimed_at'>) =>
      ownerIsDead(r.claimed_by) ? 'ownerGone' : (r.claimed_at ?? 0) <= now - this.leaseMs ? 'notRenewed' : undefined
    const out = { ownerGone: 0, notRenewed: 0 }
    const rows = () => select.all(...channels) as Pick<Row, 'id' | 'claimed_by' | 'claimed_at'>[]
    if (!rows().some(reasonFor)) return out
    // Looked at again inside one write transaction, so a renewal cannot land between the look and the take-back.
    this.db
      .transaction(() => {
        for (const r of rows()) {
          const reason = reasonFor(r)
          if (reason) out[reason] += update.run(now, r.id).changes
        }
      })
      .immediate()
    return out
  }

  /**
   * Renews this worker's claim on messages it is still sending (the heartbeat). Returns the ids whose claim it no longer
   * holds (taken back after this worker went longer than the lease without renewing).
   */
  renewClaims(ids: Iterable<string>, workerId: string = WORKER_ID): string[] {
    const now = this.now()
    const renew = this.db.prepare("UPDATE messages SET claimed_at = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?")
    const lost: string[] = []
    this.db.transaction(() => {
      for (const id of ids) if (renew.run(now, id, workerId).changes === 0) lost.push(id)
    })()
    return lost
  }

  /** Atomically takes up to `limit` due messages of these channels (or one given id) for this worker: they move to "sending". */
  claim(limit: number, options: { id?: string; workerId?: string; channels?: readonly Channel[] } = {}): ClaimedQueueMessage[] {
    const now = this.now()
    const workerId = options.workerId ?? WORKER_ID
    const channels = options.channels ?? CHANNELS
    const inChannels = `channel IN (${channels.map(() => '?').join(',')})`
    const rows = options.id
      ? (this.db
          .prepare(
            `UPDATE messages SET status = 'sending', attempts = attempts + 1, claimed_by = ?, claimed_at = ?
             WHERE id = ? AND status IN ('queued','retrying') AND ${inChannels} RETURNING *`,
          )
          .all(workerId, now, options.id, ...channels) as Row[])
      : (this.db
          .prepare(
            `UPDATE messages SET status = 'sending', attempts = attempts + 1, claimed_by = ?, claimed_at = ?
             WHERE id IN (SELECT id FROM messages WHERE status IN ('queued','retrying') AND next_attempt_at <= ? AND ${inChannels}
                          ORDER BY next_attempt_at, rowid LIMIT ?)
               AND status IN ('queued','retrying')
             RETURNING *`,
          )
          .all(workerId, now, now, ...channels, limit) as Row[])
    return rows.map((r) => this.claimedView(r))
  }

  /** Keeps what the channel rendered before the first attempt, so every later attempt sends the same thing. */
  saveSnapshot(id: string, snapshot: JsonObject): void {
    const hash = this.storeSnapshot(snapshot)
    this.db.prepare('UPDATE messages SET render_hash = ? WHERE id = ? AND render_hash IS NULL').run(hash, id)
  }

  saveAttachment(id: string, attachment: { fileName: string; content: Buffer }): void {
    const hash = hashOf(attachment.fileName, attachment.content)
    this.db.prepare('INSERT OR IGNORE INTO attachments (hash, file_name, content) VALUES (?, ?, ?)').run(hash, attachment.fileName, attachment.content)
    this.db.prepare('UPDATE messages SET attachment_hash = ? WHERE id = ? AND attachment_hash IS NULL').run(hash, id)
  }

  /**
   * The transport took the message. With `awaitingReceipt` (a provider that reports delivery later, like Notify) the
   * message is sent but not finished: its final state comes with the receipt (`recordReceipt`), or from asking.
   */
  markSent(id: string, result: { where: string; response?: string; providerId?: string; awaitingReceipt?: boolean }): void {
    const now = this.now()
    this.db
      .prepare(
        `UPDATE messages SET status = 'sent', sent_at = @now, finished_at = @finished, delivered_to = @where, provider_id = coalesce(@providerId, provider_id),
           receipt_status = NULL, receipt_at = NULL, last_error = NULL, last_response_code = NULL, claimed_by = NULL WHERE id = @id`,
      )
      .run({ now, finished: result.awaitingReceipt ? null : now, where: result.where, providerId: result.providerId ?? null, id })
  }

  /** Sent messages still waiting for a delivery receipt, oldest first (for asking the provider when none came). */
  awaitingReceipt(options: { channel: Channel; sentBefore: number; limit?: number }): QueuedMessage[] {
    const rows = this.db
      .prepare(
        "SELECT * FROM messages WHERE channel = ? AND status = 'sent' AND finished_at IS NULL AND provider_id IS NOT NULL AND sent_at <= ? ORDER BY sent_at LIMIT ?",
      )
      .all(options.channel, options.sentBefore, options.limit ?? 50) as Row[]
    return rows.map(publicView)
  }

  /**
   * A delivery receipt from the provider for the attempt it knows as `providerId`. `final` ends the message (delivered
   * stays sent; a permanent failure becomes failed, keeping the reason); `retry` sends it again after back-off as a
   * new attempt with the same reference. A receipt for an older attempt, or a repeated one, changes nothing.
   */
  recordReceipt(
    providerId: string,
    receipt: { status: string; outcome: 'delivered' | 'failed' | 'retry' | 'pending'; reason?: string },
  ): QueuedMessage | undefined {
    const now = this.now()
    return this.db
      .transaction((): QueuedMessage | undefined => {
        const row = this.db.prepare('SELECT * FROM messages WHERE provider_id = ?').get(providerId) as Row | undefined
        if (!row) return undefined
        if (row.status !== 'sent' || row.finished_at !== null) return publicView(row)
        const reason = receipt.reason === undefined ? null : maskRecipientsIn(receipt.reason, [row.to_address, row.to_name])
        if (receipt.outcome === 'pending') {
          this.db.prepare('UPDATE messages SET receipt_status = ?, receipt_at = ? WHERE id = ?').run(receipt.status, now, row.id)
        } else if (receipt.outcome === 'delivered') {
          this.db.prepare('UPDATE messages SET receipt_status = ?, receipt_at = ?, finished_at = ? WHERE id = ?').run(receipt.status, now, now, row.id)
        } else if (receipt.outcome === 'failed') {
          this.db
            .prepare("UPDATE messages SET status = 'failed', receipt_status = ?, receipt_at = ?, finished_at = ?, last_error = ? WHERE id = ?")
            .run(receipt.status, now, now, reason ?? receipt.status, row.id)
        } else {
          const policy = this.retryPolicies[row.channel]
          if (row.attempts >= policy.maxAttempts) {
            this.db
              .prepare("UPDATE messages SET status = 'failed', receipt_status = ?, receipt_at = ?, finished_at = ?, last_error = ? WHERE id = ?")
              .run(receipt.status, now, now, `Gave up after ${row.attempts} attempts. Last receipt: ${reason ?? receipt.status}`, row.id)
          } else {
            const delay = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, row.attempts - 1))
            this.db
              .prepare("UPDATE messages SET status = 'retrying', receipt_status = ?, receipt_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
              .run(receipt.status, now, now + delay, reason ?? receipt.status, row.id)
          }
        }
        return this.get(row.id)
      })
      .immediate()
  }

  /** A permanent failure (or too many attempts): failed, and stays visible. Otherwise retrying after back-off. */
  recordFailure(id: string, failure: SendFailure): QueueStatus {
    const now = this.now()
    const row = this.db.prepare('SELECT channel, attempts, to_address, to_name FROM messages WHERE id = ?').get(id) as
      Pick<Row, 'channel' | 'attempts' | 'to_address' | 'to_name'> | undefined
    if (!row) return 'failed'
    const { baseMs, capMs, maxAttempts } = this.retryPolicies[row.channel]
    const giveUp = failure.permanent || row.attempts >= maxAttempts
    // Servers echo the recipient in their replies: only the masked form is kept (and so shown by status and the API).
    const reply = maskRecipientsIn(failure.message, [row.to_address, row.to_name])
    const message = failure.permanent || row.attempts < maxAttempts ? reply : `Gave up after ${row.attempts} attempts. Last error: ${reply}`
    if (giveUp) {
      this.db
        .prepare("UPDATE messages SET status = 'failed', finished_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
        .run(now, message, failure.responseCode ?? null, id)
      return 'failed'
    }
    const delay = Math.max(failure.retryAfterMs ?? 0, Math.min(capMs, baseMs * 2 ** Math.max(0, row.attempts - 1)))
    this.db
      .prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
      .run(now + delay, message, failure.responseCode ?? null, id)
    return 'retrying'
  }

  /** Puts a failed (or waiting) message back in the queue now. Not possible once its recipient has been erased. */
  retry(id: string, filter: Filter = {}): QueuedMessage {
    const row = this.db.prepare(`SELECT * FROM messages WHERE id = @id${channelClause(filter)}`).get({ id, ...filter }) as Row | undefined
    if (!row) throw new Error(`No message with id ${id}.`)
    if (row.to_address === null)
      throw new Error(`Message ${id} can no longer be sent: its ${row.channel === 'sms' ? 'number' : 'address'} was erased after the retention period.`)
    if (row.status === 'sent' || row.status === 'sending')
      throw new Error(`Message ${id} is ${row.status}; only failed, queued or retrying messages can be retried.`)
    if (row.status === 'cancelled')
      throw new Error(
        `Message ${id} was cancelled${row.cancelled_by ? ` by ${row.cancelled_by}` : ''}; a cancelled message is never sent. Send a new one instead.`,
      )
    this.db.prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, finished_at = NULL, attempts = 0 WHERE id = ?").run(this.now(), id)
    const m = this.get(id)
    if (!m) throw new Error(`No message with id ${id}.`)
    return m
  }

  /**
   * Cancels a message nothing has taken yet (queued, or waiting to retry): it becomes cancelled, a final state, and no
   * worker will ever send it. One UPDATE with the state in its WHERE, so against a worker claiming it at the same moment
   * exactly one of the two wins: it is either cancelled or being sent, never both. A message being sent, already
   * sent, failed or cancelled is left as it is, and the answer says which.
   */
  cancel(id: string, by: string, filter: Filter = {}): CancelResult {
    const now = this.now()
    const row = this.db
      .prepare(
        `UPDATE messages SET status = 'cancelled', finished_at = @now, cancelled_by = @by, claimed_by = NULL
         WHERE id = @id AND status IN (${CANCELLABLE.map((s) => `'${s}'`).join(',')})${channelClause(filter)} RETURNING *`,
      )
      .get({ id, by, now, ...filter }) as Row | undefined
    if (row) return { cancelled: true, message: publicView(row) }
    const current = this.get(id, filter)
    if (!current) return { cancelled: false, reason: `No message with id ${id}.` }
    const why: Record<Exclude<QueueStatus, (typeof CANCELLABLE)[number]>, string> = {
      sending: 'it is being sent right now, so it can no longer be stopped',
      sent: 'it was already sent',
      failed: 'it already failed and will not be sent',
      cancelled: `it was already cancelled${current.cancelledBy ? ` by ${current.cancelledBy}` : ''}`,
    }
    const reason = why[current.status as keyof typeof why] ?? `it is ${current.status}`
    return { cancelled: false, status: current.status, reason: `Message ${id} was not cancelled: ${reason}.` }
  }

  /**
   * Erases recipients (addresses, numbers, names) from messages that reached a final state before the retention
   * period, so that nothing of them can be read from the files afterwards: secure_delete (on for every connection)
   * overwrites the old row and index entries inside the pages with zeros, and a TRUNCATE checkpoint copies the pages
   * into the database file and empties the WAL, which would otherwise still hold the pages as they were. `walCleared`
   * is false when another connection kept the WAL in use (the old pages then go at the next checkpoint that completes).
   */
  purge(): { erased: number; walCleared: boolean } {
    const now = this.now()
    const erased = this.db
      .prepare(
        `UPDATE messages SET to_address = NULL, to_name = NULL, recipient_key = NULL, request_digest = NULL, purged_at = ?
         WHERE status IN ('sent','failed','cancelled') AND to_address IS NOT NULL AND finished_at IS NOT NULL AND finished_at <= ?`,
      )
      .run(now, now - this.retentionMs).changes
    if (this.path === ':memory:') return { erased, walCleared: true }
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
    return { erased, walCleared: result?.busy === 0 }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
