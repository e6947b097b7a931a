// The SQLite backend of the one delivery queue (the embedded default, one machine): each request is stored here
// first (SQLite, WAL) and only then delivered by a worker, so an outage or a crash loses nothing, an idempotency key
// never sends twice, and a recipient cannot be flooded. It implements QueueStore (./store.ts), the interface the
// PostgreSQL backend implements too; better-sqlite3 is synchronous, so every method does its work at once and returns
// a settled promise. The queue does not know how an email or a text is made: a channel hands it the recipient, its
// options as JSON and (optionally) the rendered message as JSON; the worker hands each claimed message back to that
// channel's renderer and transport.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { hashOf, keyDigest } from './digest.js'
import { pendingOf, runMigrations } from './migrations.js'
import {
  cancelRefusal,
  DEFAULT_CONFLICT_MESSAGE,
  DEFAULT_LEASE_MS,
  DEFAULT_RETENTION_MS,
  failureOutcome,
  backoffMs,
  INTERRUPTED,
  ownerIsDead,
  publicView,
  recipientLimitMessage,
  retryPoliciesOf,
  retryRefusal,
  windowStart,
  WORKER_ID,
  type MessageRow,
} from './policy.js'
import { maskRecipientsIn } from './redact.js'
import { checkSqliteFile, sqliteMigrations, sqliteMigrationStorage, type SqliteMigrationContext } from './sqliteMigrations.js'
import {
  CANCELLABLE,
  CHANNELS,
  IdempotencyConflictError,
  RateLimitError,
  type CancelResult,
  type Channel,
  type ChannelFilter,
  type ClaimedQueueMessage,
  type EnqueueInput,
  type JsonObject,
  type MigrationReport,
  type PurgeResult,
  type QueueBehaviour,
  type QueuedMessage,
  type QueueStatus,
  type QueueStore,
  type RateLimitTake,
  type RetryPolicy,
  type SendFailure,
} from './store.js'

export {
  CHANNELS,
  IdempotencyConflictError,
  RateLimitError,
  WORKER_ID,
  type CancelResult,
  type Channel,
  type ClaimedQueueMessage,
  type EnqueueInput,
  type JsonObject,
  type QueuedMessage,
  type QueueStatus,
  type RetryPolicy,
  type SendFailure,
}
export type { Origin } from './store.js'

export type QueueOptions = QueueBehaviour & {
  /** SQLite file (":memory:" for none). */
  path: string
}

type Row = MessageRow & { options: string }

/** How long a write waits for another process's write (SQLite's busy timeout), and how long while migrating. */
const BUSY_TIMEOUT_MS = 5000
const MIGRATION_BUSY_TIMEOUT_MS = 120_000

const channelClause = (f: ChannelFilter, prefix = 'AND') => (f.channel ? ` ${prefix} channel = @channel` : '')

/** Opens (and, unless migrate: false, migrates) the SQLite queue at options.path. */
export async function openSqliteQueue(options: QueueOptions): Promise<SqliteQueue> {
  const queue = new SqliteQueue(options)
  if (options.migrate === false) return queue
  try {
    await queue.migrate()
  } catch (e) {
    await queue.close()
    throw e
  }
  return queue
}

export class SqliteQueue implements QueueStore {
  readonly backend = 'sqlite' as const
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
    this.retryPolicies = retryPoliciesOf(options.retry)
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true })
    this.db = new Database(this.path)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Erased recipients are overwritten in the file, not just unlinked from the row (see purge).
    this.db.pragma('secure_delete = ON')
  }

  get location(): string {
    return this.path
  }

  private migrationContext(): SqliteMigrationContext {
    return { db: this.db, path: this.path, now: this.now, rewrote: false }
  }

  /**
   * Applies the migrations this file has not had (sqliteMigrations.ts). After one that rewrote rows the file is rebuilt
   * once (VACUUM), so nothing an older version erased without overwriting stays in its free pages.
   */
  async migrate(): Promise<MigrationReport> {
    // Another process may be migrating a large old file right now: wait for it as long as a migration can take, not
    // the few seconds an everyday write is allowed.
    this.db.pragma(`busy_timeout = ${MIGRATION_BUSY_TIMEOUT_MS}`)
    try {
      checkSqliteFile(this.db, this.path)
      const context = this.migrationContext()
      const report = await runMigrations({ migrations: sqliteMigrations, context, storage: sqliteMigrationStorage })
      // Only the process that migrated rebuilds the file (another one opening it at the same time finds it done).
      if (context.rewrote) {
        this.db.exec('VACUUM')
        this.db.pragma('wal_checkpoint(TRUNCATE)')
      }
      return report
    } finally {
      if (this.db.open) this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    }
  }

  async pendingMigrations(): Promise<string[]> {
    checkSqliteFile(this.db, this.path)
    return pendingOf({ migrations: sqliteMigrations, context: this.migrationContext(), storage: sqliteMigrationStorage })
  }

  /**
   * Stores a request (status queued); the same idempotency key returns the first request's id with created: false,
   * and the same key with another request is refused. At most `limit` requests per recipient per window.
   */
  async enqueue(input: EnqueueInput): Promise<{ id: string; created: boolean }> {
    const idempotencyKey = input.idempotencyKey ? keyDigest(input.idempotencyKey) : undefined
    const now = this.now()
    const txn = this.db.transaction((): { id: string; created: boolean } => {
      if (idempotencyKey) {
        const existing = this.db.prepare('SELECT id, request_digest FROM messages WHERE idempotency_key = ?').get(idempotencyKey) as
          { id: string; request_digest: string | null } | undefined
        // A row from before schema 4 has no request digest: its key is answered as it always was.
        if (existing && existing.request_digest !== null && existing.request_digest !== input.requestDigest) {
          throw new IdempotencyConflictError(input.conflictMessage ?? DEFAULT_CONFLICT_MESSAGE)
        }
        if (existing) return { id: existing.id, created: false }
      }
      const { limit, windowMs, what } = input.limit
      const recent = this.db
        .prepare('SELECT count(*) AS n, min(created_at) AS first FROM messages WHERE recipient_key = ? AND created_at > ?')
        .get(input.recipient.key, now - windowMs) as { n: number; first: number | null }
      if (recent.n >= limit) {
        const retryAfterMs = Math.max(1000, (recent.first ?? now) + windowMs - now)
        throw new RateLimitError(recipientLimitMessage(what, input.recipient.masked, limit, windowMs, retryAfterMs), retryAfterMs)
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

  async get(id: string, filter: ChannelFilter = {}): Promise<QueuedMessage | undefined> {
    return this.getNow(id, filter)
  }

  private getNow(id: string, filter: ChannelFilter = {}): QueuedMessage | undefined {
    const row = this.db.prepare(`SELECT * FROM messages WHERE id = @id${channelClause(filter)}`).get({ id, ...filter }) as Row | undefined
    return row ? publicView(row) : undefined
  }

  /** A message only if this API client created it: another client's, or one from the CLI or the site, is not found. */
  async getForApiClient(id: string, apiClient: string, filter: ChannelFilter = {}): Promise<QueuedMessage | undefined> {
    const row = this.db
      .prepare(`SELECT * FROM messages WHERE id = @id AND api_client = @apiClient${channelClause(filter)}`)
      .get({ id, apiClient, ...filter }) as Row | undefined
    return row ? publicView(row) : undefined
  }

  /** The message a provider knows by this id (a delivery receipt names it so). */
  async findByProviderId(providerId: string): Promise<QueuedMessage | undefined> {
    const row = this.db.prepare('SELECT * FROM messages WHERE provider_id = ?').get(providerId) as Row | undefined
    return row ? publicView(row) : undefined
  }

  async list(options: { limit?: number; status?: QueueStatus; channel?: Channel } = {}): Promise<QueuedMessage[]> {
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

  async counts(filter: ChannelFilter = {}): Promise<Record<QueueStatus, number>> {
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
  async recoverAbandoned(filter: { channels?: readonly Channel[] } = {}): Promise<{ ownerGone: number; notRenewed: number }> {
    const now = this.now()
    const channels = filter.channels ?? CHANNELS
    const select = this.db.prepare(
      `SELECT id, claimed_by, claimed_at FROM messages WHERE status = 'sending' AND channel IN (${channels.map(() => '?').join(',')})`,
    )
    const update = this.db.prepare(
      "UPDATE messages SET status = 'retrying', next_attempt_at = @now, claimed_by = NULL, last_error = coalesce(last_error, @interrupted) WHERE id = @id AND status = 'sending'",
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
          if (reason) out[reason] += update.run({ now, id: r.id, interrupted: INTERRUPTED }).changes
        }
      })
      .immediate()
    return out
  }

  /**
   * Renews this worker's claim on messages it is still sending (the heartbeat). Returns the ids whose claim it no longer
   * holds (taken back after this worker went longer than the lease without renewing).
   */
  async renewClaims(ids: readonly string[], workerId: string = WORKER_ID): Promise<string[]> {
    const now = this.now()
    const renew = this.db.prepare("UPDATE messages SET claimed_at = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?")
    const lost: string[] = []
    this.db.transaction(() => {
      for (const id of ids) if (renew.run(now, id, workerId).changes === 0) lost.push(id)
    })()
    return lost
  }

  /** Atomically takes up to `limit` due messages of these channels (or one given id) for this worker: they move to "sending". */
  async claim(limit: number, options: { id?: string; workerId?: string; channels?: readonly Channel[] } = {}): Promise<ClaimedQueueMessage[]> {
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
  async saveSnapshot(id: string, snapshot: JsonObject): Promise<void> {
    const hash = this.storeSnapshot(snapshot)
    this.db.prepare('UPDATE messages SET render_hash = ? WHERE id = ? AND render_hash IS NULL').run(hash, id)
  }

  async saveAttachment(id: string, attachment: { fileName: string; content: Buffer }): Promise<void> {
    const hash = hashOf(attachment.fileName, attachment.content)
    this.db.prepare('INSERT OR IGNORE INTO attachments (hash, file_name, content) VALUES (?, ?, ?)').run(hash, attachment.fileName, attachment.content)
    this.db.prepare('UPDATE messages SET attachment_hash = ? WHERE id = ? AND attachment_hash IS NULL').run(hash, id)
  }

  /**
   * The transport took the message. With `awaitingReceipt` (a provider that reports delivery later, like Notify) the
   * message is sent but not finished: its final state comes with the receipt (`recordReceipt`), or from asking.
   */
  async markSent(id: string, result: { where: string; response?: string; providerId?: string; awaitingReceipt?: boolean }): Promise<void> {
    const now = this.now()
    this.db
      .prepare(
        `UPDATE messages SET status = 'sent', sent_at = @now, finished_at = @finished, delivered_to = @where, provider_id = coalesce(@providerId, provider_id),
           receipt_status = NULL, receipt_at = NULL, last_error = NULL, last_response_code = NULL, claimed_by = NULL WHERE id = @id`,
      )
      .run({ now, finished: result.awaitingReceipt ? null : now, where: result.where, providerId: result.providerId ?? null, id })
  }

  /** Sent messages still waiting for a delivery receipt, oldest first (for asking the provider when none came). */
  async awaitingReceipt(options: { channel: Channel; sentBefore: number; limit?: number }): Promise<QueuedMessage[]> {
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
  async recordReceipt(
    providerId: string,
    receipt: { status: string; outcome: 'delivered' | 'failed' | 'retry' | 'pending'; reason?: string },
  ): Promise<QueuedMessage | undefined> {
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
            const delay = backoffMs(policy, row.attempts)
            this.db
              .prepare("UPDATE messages SET status = 'retrying', receipt_status = ?, receipt_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
              .run(receipt.status, now, now + delay, reason ?? receipt.status, row.id)
          }
        }
        return this.getNow(row.id)
      })
      .immediate()
  }

  /** A permanent failure (or too many attempts): failed, and stays visible. Otherwise retrying after back-off. */
  async recordFailure(id: string, failure: SendFailure): Promise<QueueStatus> {
    const now = this.now()
    const row = this.db.prepare('SELECT channel, attempts, to_address, to_name FROM messages WHERE id = ?').get(id) as
      Pick<Row, 'channel' | 'attempts' | 'to_address' | 'to_name'> | undefined
    if (!row) return 'failed'
    const outcome = failureOutcome(this.retryPolicies[row.channel], row, failure, now)
    if (outcome.status === 'failed') {
      this.db
        .prepare("UPDATE messages SET status = 'failed', finished_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
        .run(now, outcome.lastError, failure.responseCode ?? null, id)
      return 'failed'
    }
    this.db
      .prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
      .run(outcome.nextAttemptAt, outcome.lastError, failure.responseCode ?? null, id)
    return 'retrying'
  }

  /** Puts a failed (or waiting) message back in the queue now. Not possible once its recipient has been erased. */
  async retry(id: string, filter: ChannelFilter = {}): Promise<QueuedMessage> {
    const row = this.db.prepare(`SELECT * FROM messages WHERE id = @id${channelClause(filter)}`).get({ id, ...filter }) as Row | undefined
    const refusal = retryRefusal(id, row)
    if (refusal) throw new Error(refusal)
    this.db.prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, finished_at = NULL, attempts = 0 WHERE id = ?").run(this.now(), id)
    const m = this.getNow(id)
    if (!m) throw new Error(`No message with id ${id}.`)
    return m
  }

  /**
   * Cancels a message nothing has taken yet (queued, or waiting to retry): it becomes cancelled, a final state, and no
   * worker will ever send it. One UPDATE with the state in its WHERE, so against a worker claiming it at the same moment
   * exactly one of the two wins: it is either cancelled or being sent, never both. A message being sent, already
   * sent, failed or cancelled is left as it is, and the answer says which.
   */
  async cancel(id: string, by: string, filter: ChannelFilter = {}): Promise<CancelResult> {
    const now = this.now()
    const row = this.db
      .prepare(
        `UPDATE messages SET status = 'cancelled', finished_at = @now, cancelled_by = @by, claimed_by = NULL
         WHERE id = @id AND status IN (${CANCELLABLE.map((s) => `'${s}'`).join(',')})${channelClause(filter)} RETURNING *`,
      )
      .get({ id, by, now, ...filter }) as Row | undefined
    if (row) return { cancelled: true, message: publicView(row) }
    return cancelRefusal(id, this.getNow(id, filter))
  }

  /**
   * Erases recipients (addresses, numbers, names) from messages that reached a final state before the retention
   * period, so that nothing of them can be read from the files afterwards: secure_delete (on for every connection)
   * overwrites the old row and index entries inside the pages with zeros, and a TRUNCATE checkpoint copies the pages
   * into the database file and empties the WAL, which would otherwise still hold the pages as they were. `walCleared`
   * is false when another connection kept the WAL in use (the old pages then go at the next checkpoint that completes).
   */
  async purge(): Promise<PurgeResult> {
    const now = this.now()
    const erased = this.db
      .prepare(
        `UPDATE messages SET to_address = NULL, to_name = NULL, recipient_key = NULL, request_digest = NULL, purged_at = ?
         WHERE status IN ('sent','failed','cancelled') AND to_address IS NOT NULL AND finished_at IS NOT NULL AND finished_at <= ?`,
      )
      .run(now, now - this.retentionMs).changes
    this.db.prepare('DELETE FROM rate_limits WHERE window_start + window_ms <= ?').run(now)
    if (this.path === ':memory:') return { erased, walCleared: true }
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
    const walCleared = result?.busy === 0
    return walCleared
      ? { erased, walCleared }
      : { erased, walCleared, residue: `another process kept the WAL file in use, so the erased values stay in ${this.path}-wal until its next checkpoint` }
  }

  /** A shared fixed-window allowance (see QueueStore.takeRateLimit): one upsert, so every process on this file shares it. */
  async takeRateLimit(bucket: string, rule: { limit: number; windowMs: number }): Promise<RateLimitTake> {
    const now = this.now()
    const start = windowStart(now, rule.windowMs)
    const retryAfterMs = start + rule.windowMs - now
    if (rule.limit <= 0) return { allowed: false, count: 0, retryAfterMs }
    const row = this.db
      .prepare(
        `INSERT INTO rate_limits (bucket, window_ms, window_start, count) VALUES (@bucket, @windowMs, @start, 1)
         ON CONFLICT (bucket, window_ms, window_start) DO UPDATE SET count = count + 1 WHERE count < @limit
         RETURNING count`,
      )
      .get({ bucket, windowMs: rule.windowMs, start, limit: rule.limit }) as { count: number } | undefined
    return row ? { allowed: true, count: row.count, retryAfterMs } : { allowed: false, count: rule.limit, retryAfterMs }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
