// The delivery queue on PostgreSQL, for several machines sharing one queue (DATABASE_URL=postgres://…): the same
// QueueStore as the SQLite outbox, answer for answer (the shared contract suite runs against both), with claims that
// processes on different hosts can share. A claim is one UPDATE over `SELECT … FOR UPDATE SKIP LOCKED`, so two workers
// never take the same message and never wait for each other; each claim carries a lease (lease_until) that the live
// worker renews only while it still owns the claim, and a message whose lease ran out goes back to the queue. There
// is no pid or hostname check here: across machines only the lease can say a worker is gone.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { Pool, PoolClient, QueryResultRow } from 'pg'
import { hashOf, keyDigest } from './digest.js'
import { migratePostgres, pendingPostgresMigrations } from './postgresMigrations.js'
import { scrubErased } from './postgresPurge.js'
import {
  backoffMs,
  cancelRefusal,
  DEFAULT_CONFLICT_MESSAGE,
  DEFAULT_LEASE_MS,
  DEFAULT_RETENTION_MS,
  failureOutcome,
  INTERRUPTED,
  publicView,
  recipientLimitMessage,
  retryPoliciesOf,
  retryRefusal,
  windowStart,
  WORKER_ID,
  type MessageRow,
} from './policy.js'
import { maskRecipientsIn } from './redact.js'
import {
  CHANNELS,
  IdempotencyConflictError,
  RateLimitError,
  STATUSES,
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
} from './store.js'

// bigint columns (times in ms, counts) as numbers: every value fits in 2^53. Only this pool's parsers, not pg's globals.
const INT8 = 20
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

// pg_advisory_xact_lock(classid, objid): "Sigo" and a hash of the recipient key, held for one enqueue's transaction so
// the count-then-insert of the per-recipient limit is exact across processes (READ COMMITTED alone would let two
// concurrent requests both see room for one).
const RECIPIENT_LOCK = 0x5369676f

const ACTIVE = "status IN ('queued','retrying')"

/** The URL for people: the password, wherever it is given, as ***. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    if (u.searchParams.has('password')) u.searchParams.set('password', '***')
    return u.toString()
  } catch {
    return 'postgres://(an address that is not a valid URL)'
  }
}

export class PostgresQueue implements QueueStore {
  readonly backend = 'postgres' as const
  readonly location: string
  readonly retentionMs: number
  readonly leaseMs: number
  private readonly pool: Pool
  private readonly now: () => number
  private readonly retryPolicies: Record<Channel, RetryPolicy>
  private closed = false
  /** Stored snapshots and attachments never change (named by hash), so they are cached once read. */
  private readonly snapshotCache = new Map<string, JsonObject>()
  private readonly attachmentCache = new Map<string, { fileName: string; content: Buffer }>()

  constructor(url: string, options: QueueBehaviour = {}) {
    this.location = describeUrl(url)
    this.now = options.now ?? Date.now
    this.retryPolicies = retryPoliciesOf(options.retry)
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    // An unreachable server fails a call within 10 s instead of hanging it; keep-alive notices a vanished host.
    this.pool = new pg.Pool({ connectionString: url, types: typeParsers, application_name: 'signpost-queue', connectionTimeoutMillis: 10_000, keepAlive: true })
    // A connection dropped while idle (a server restart) must not end the process; the next query reconnects.
    this.pool.on('error', (e) => {
      if (!this.closed) console.error(`Queue on ${this.location}: an idle connection failed: ${e.message}`)
    })
  }

  private open(): Pool {
    if (this.closed) throw new Error(`The queue on ${this.location} is closed.`)
    return this.pool
  }

  private async rows<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.open().query<R>(sql, params)).rows
  }

  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.open().connect()
    // A connection that failed mid-transaction (server restart, network) is thrown away, not handed to the next caller.
    let broken: Error | undefined
    try {
      // A process frozen inside a transaction (SIGSTOP, a paused VM) would hold its row and recipient locks: the server
      // ends such a transaction after a minute, so every other process goes on. (One round trip for both statements.)
      await client.query("BEGIN; SET LOCAL idle_in_transaction_session_timeout = '60s'")
      const out = await fn(client)
      await client.query('COMMIT')
      return out
    } catch (e) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback as Error))
      throw e
    } finally {
      client.release(broken ?? false)
    }
  }

  async enqueue(input: EnqueueInput): Promise<{ id: string; created: boolean }> {
    const idempotencyKey = input.idempotencyKey ? keyDigest(input.idempotencyKey) : null
    const now = this.now()
    const conflict = () => new IdempotencyConflictError(input.conflictMessage ?? DEFAULT_CONFLICT_MESSAGE)
    const existingFor = async (client: PoolClient) =>
      (
        await client.query<{ id: string; request_digest: string | null }>('SELECT id, request_digest FROM messages WHERE idempotency_key = $1', [
          idempotencyKey,
        ])
      ).rows[0]
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECIPIENT_LOCK, input.recipient.key])
      if (idempotencyKey) {
        const existing = await existingFor(client)
        // A row erased after retention has no request digest: its key is answered as it always was.
        if (existing && existing.request_digest !== null && existing.request_digest !== input.requestDigest) throw conflict()
        if (existing) return { id: existing.id, created: false }
      }
      const { limit, windowMs, what } = input.limit
      const recent = (
        await client.query<{ n: number; first: number | null }>(
          'SELECT count(*) AS n, min(created_at) AS first FROM messages WHERE recipient_key = $1 AND created_at > $2',
          [input.recipient.key, now - windowMs],
        )
      ).rows[0] ?? { n: 0, first: null }
      if (recent.n >= limit) {
        const retryAfterMs = Math.max(1000, (recent.first ?? now) + windowMs - now)
        throw new RateLimitError(recipientLimitMessage(what, input.recipient.masked, limit, windowMs, retryAfterMs), retryAfterMs)
      }
      let render: string | null = null
      if (input.snapshot) {
        const data = JSON.stringify(input.snapshot)
        render = hashOf(data)
        await client.query('INSERT INTO snapshots (hash, data) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [render, data])
      }
      const id = randomUUID()
      const inserted = await client.query(
        `INSERT INTO messages (id, channel, status, origin, guide, area, options, to_address, to_name, recipient_key, to_masked,
           idempotency_key, request_digest, api_client, message_id, render_hash, created_at, next_attempt_at)
         VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
        [
          id,
          input.channel,
          input.origin,
          input.guide,
          input.area,
          JSON.stringify(input.options),
          input.recipient.address,
          input.recipient.name ?? null,
          input.recipient.key,
          input.recipient.masked,
          idempotencyKey,
          idempotencyKey ? input.requestDigest : null,
          input.apiClient ?? null,
          input.reference,
          render,
          now,
        ],
      )
      if (inserted.rowCount === 1) return { id, created: true }
      // The same key, for another recipient, committed by another process while this one counted: answer as for a repeat.
      const existing = await existingFor(client)
      if (!existing) throw new Error('The idempotency key was taken and released again while this request was stored; send it again.')
      if (existing.request_digest !== null && existing.request_digest !== input.requestDigest) throw conflict()
      return { id: existing.id, created: false }
    })
  }

  async get(id: string, filter: ChannelFilter = {}): Promise<QueuedMessage | undefined> {
    const [row] = await this.rows<MessageRow>('SELECT * FROM messages WHERE id = $1 AND ($2::text IS NULL OR channel = $2)', [id, filter.channel ?? null])
    return row ? publicView(row) : undefined
  }

  async getForApiClient(id: string, apiClient: string, filter: ChannelFilter = {}): Promise<QueuedMessage | undefined> {
    const [row] = await this.rows<MessageRow>('SELECT * FROM messages WHERE id = $1 AND api_client = $2 AND ($3::text IS NULL OR channel = $3)', [
      id,
      apiClient,
      filter.channel ?? null,
    ])
    return row ? publicView(row) : undefined
  }

  async findByProviderId(providerId: string): Promise<QueuedMessage | undefined> {
    const [row] = await this.rows<MessageRow>('SELECT * FROM messages WHERE provider_id = $1', [providerId])
    return row ? publicView(row) : undefined
  }

  async list(options: { limit?: number; status?: QueueStatus; channel?: Channel } = {}): Promise<QueuedMessage[]> {
    const rows = await this.rows<MessageRow>(
      `SELECT * FROM messages WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR channel = $2)
       ORDER BY created_at DESC, seq DESC LIMIT $3`,
      [options.status ?? null, options.channel ?? null, Math.max(0, options.limit ?? 20)],
    )
    return rows.map(publicView)
  }

  async counts(filter: ChannelFilter = {}): Promise<Record<QueueStatus, number>> {
    const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<QueueStatus, number>
    const rows = await this.rows<{ status: QueueStatus; n: number }>(
      'SELECT status, count(*) AS n FROM messages WHERE ($1::text IS NULL OR channel = $1) GROUP BY status',
      [filter.channel ?? null],
    )
    for (const r of rows) out[r.status] = r.n
    return out
  }

  async claim(limit: number, options: { id?: string; workerId?: string; channels?: readonly Channel[] } = {}): Promise<ClaimedQueueMessage[]> {
    const now = this.now()
    const workerId = options.workerId ?? WORKER_ID
    const channels = [...(options.channels ?? CHANNELS)]
    const claimed = `status = 'sending', attempts = m.attempts + 1, claimed_by = $1, claimed_at = $2, lease_until = $3`
    let rows: MessageRow[]
    if (options.id !== undefined) {
      rows = await this.rows<MessageRow>(`UPDATE messages m SET ${claimed} WHERE m.id = $4 AND m.${ACTIVE} AND m.channel = ANY($5::text[]) RETURNING m.*`, [
        workerId,
        now,
        now + this.leaseMs,
        options.id,
        channels,
      ])
    } else {
      if (limit <= 0) return []
      // Rows another worker has locked (claiming them this moment) are skipped, not waited for; a row claimed and
      // committed meanwhile fails the status check when it is locked here, so it is never taken twice.
      const due = await this.rows<MessageRow & { seq: number }>(
        `UPDATE messages m SET ${claimed}
         FROM (SELECT id FROM messages WHERE ${ACTIVE} AND next_attempt_at <= $2 AND channel = ANY($4::text[])
               ORDER BY next_attempt_at, seq LIMIT $5 FOR UPDATE SKIP LOCKED) due
         WHERE m.id = due.id AND m.${ACTIVE}
         RETURNING m.*`,
        [workerId, now, now + this.leaseMs, channels, limit],
      )
      rows = due.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.seq - b.seq)
    }
    return this.claimedViews(rows)
  }

  private async claimedViews(rows: MessageRow[]): Promise<ClaimedQueueMessage[]> {
    const snapshots = [...new Set(rows.map((r) => r.render_hash).filter((h): h is string => h !== null && !this.snapshotCache.has(h)))]
    if (snapshots.length > 0) {
      for (const s of await this.rows<{ hash: string; data: string }>('SELECT hash, data FROM snapshots WHERE hash = ANY($1::text[])', [snapshots])) {
        this.snapshotCache.set(s.hash, JSON.parse(s.data) as JsonObject)
      }
    }
    const attachments = [...new Set(rows.map((r) => r.attachment_hash).filter((h): h is string => h !== null && !this.attachmentCache.has(h)))]
    if (attachments.length > 0) {
      for (const a of await this.rows<{ hash: string; file_name: string; content: Buffer }>(
        'SELECT hash, file_name, content FROM attachments WHERE hash = ANY($1::text[])',
        [attachments],
      )) {
        this.attachmentCache.set(a.hash, { fileName: a.file_name, content: a.content })
      }
    }
    return rows.map((row) => ({
      ...publicView(row),
      address: row.to_address,
      name: row.to_name,
      snapshot: row.render_hash === null ? undefined : this.snapshotCache.get(row.render_hash),
      attachment: row.attachment_hash === null ? undefined : this.attachmentCache.get(row.attachment_hash),
    }))
  }

  async renewClaims(ids: readonly string[], workerId: string = WORKER_ID): Promise<string[]> {
    const wanted = [...ids]
    if (wanted.length === 0) {
      this.open()
      return []
    }
    const now = this.now()
    // Only while this worker still owns the claim: once taken back (or finished), the renewal changes nothing.
    const renewed = await this.rows<{ id: string }>(
      "UPDATE messages SET claimed_at = $1, lease_until = $2 WHERE id = ANY($3::text[]) AND status = 'sending' AND claimed_by = $4 RETURNING id",
      [now, now + this.leaseMs, wanted, workerId],
    )
    const held = new Set(renewed.map((r) => r.id))
    return wanted.filter((id) => !held.has(id))
  }

  async recoverAbandoned(filter: { channels?: readonly Channel[] } = {}): Promise<{ ownerGone: number; notRenewed: number }> {
    const now = this.now()
    // One statement: a renewal that commits first moves lease_until past now, and PostgreSQL checks the WHERE again on
    // that newest version before taking the row; a renewal that comes after finds the claim gone and reports it lost.
    const result = await this.open().query(
      `UPDATE messages SET status = 'retrying', next_attempt_at = $1, claimed_by = NULL, lease_until = NULL, last_error = coalesce(last_error, $2)
       WHERE status = 'sending' AND coalesce(lease_until, 0) <= $1 AND channel = ANY($3::text[])`,
      [now, INTERRUPTED, [...(filter.channels ?? CHANNELS)]],
    )
    return { ownerGone: 0, notRenewed: result.rowCount ?? 0 }
  }

  async saveSnapshot(id: string, snapshot: JsonObject): Promise<void> {
    const data = JSON.stringify(snapshot)
    const hash = hashOf(data)
    await this.rows(
      `WITH stored AS (INSERT INTO snapshots (hash, data) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING)
       UPDATE messages SET render_hash = $1 WHERE id = $3 AND render_hash IS NULL`,
      [hash, data, id],
    )
  }

  async saveAttachment(id: string, attachment: { fileName: string; content: Buffer }): Promise<void> {
    const hash = hashOf(attachment.fileName, attachment.content)
    await this.rows(
      `WITH stored AS (INSERT INTO attachments (hash, file_name, content) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING)
       UPDATE messages SET attachment_hash = $1 WHERE id = $4 AND attachment_hash IS NULL`,
      [hash, attachment.fileName, attachment.content, id],
    )
  }

  async markSent(id: string, result: { where: string; response?: string; providerId?: string; awaitingReceipt?: boolean }): Promise<void> {
    const now = this.now()
    await this.rows(
      `UPDATE messages SET status = 'sent', sent_at = $1, finished_at = $2, delivered_to = $3, provider_id = coalesce($4, provider_id),
         receipt_status = NULL, receipt_at = NULL, last_error = NULL, last_response_code = NULL, claimed_by = NULL, lease_until = NULL
       WHERE id = $5`,
      [now, result.awaitingReceipt ? null : now, result.where, result.providerId ?? null, id],
    )
  }

  async recordFailure(id: string, failure: Parameters<QueueStore['recordFailure']>[1]): Promise<QueueStatus> {
    const now = this.now()
    return this.transaction(async (client) => {
      const [row] = (await client.query<MessageRow>('SELECT * FROM messages WHERE id = $1 FOR UPDATE', [id])).rows
      if (!row) return 'failed'
      const outcome = failureOutcome(this.retryPolicies[row.channel], row, failure, now)
      if (outcome.status === 'failed') {
        await client.query(
          "UPDATE messages SET status = 'failed', finished_at = $1, last_error = $2, last_response_code = $3, claimed_by = NULL, lease_until = NULL WHERE id = $4",
          [now, outcome.lastError, failure.responseCode ?? null, id],
        )
      } else {
        await client.query(
          "UPDATE messages SET status = 'retrying', next_attempt_at = $1, last_error = $2, last_response_code = $3, claimed_by = NULL, lease_until = NULL WHERE id = $4",
          [outcome.nextAttemptAt, outcome.lastError, failure.responseCode ?? null, id],
        )
      }
      return outcome.status
    })
  }

  async awaitingReceipt(options: { channel: Channel; sentBefore: number; limit?: number }): Promise<QueuedMessage[]> {
    const rows = await this.rows<MessageRow>(
      `SELECT * FROM messages WHERE channel = $1 AND status = 'sent' AND finished_at IS NULL AND provider_id IS NOT NULL AND sent_at <= $2
       ORDER BY sent_at, seq LIMIT $3`,
      [options.channel, options.sentBefore, Math.max(0, options.limit ?? 50)],
    )
    return rows.map(publicView)
  }

  async recordReceipt(
    providerId: string,
    receipt: { status: string; outcome: 'delivered' | 'failed' | 'retry' | 'pending'; reason?: string },
  ): Promise<QueuedMessage | undefined> {
    const now = this.now()
    return this.transaction(async (client) => {
      const [row] = (await client.query<MessageRow>('SELECT * FROM messages WHERE provider_id = $1 FOR UPDATE', [providerId])).rows
      if (!row) return undefined
      if (row.status !== 'sent' || row.finished_at !== null) return publicView(row)
      const reason = receipt.reason === undefined ? null : maskRecipientsIn(receipt.reason, [row.to_address, row.to_name])
      const update = async (set: string, params: unknown[]) =>
        (
          await client.query<MessageRow>(`UPDATE messages SET receipt_status = $1, receipt_at = $2${set} WHERE id = $3 RETURNING *`, [
            receipt.status,
            now,
            row.id,
            ...params,
          ])
        ).rows[0]
      let updated: MessageRow | undefined
      if (receipt.outcome === 'pending') updated = await update('', [])
      else if (receipt.outcome === 'delivered') updated = await update(', finished_at = $2', [])
      else if (receipt.outcome === 'failed') updated = await update(", status = 'failed', finished_at = $2, last_error = $4", [reason ?? receipt.status])
      else {
        const policy = this.retryPolicies[row.channel]
        if (row.attempts >= policy.maxAttempts) {
          updated = await update(", status = 'failed', finished_at = $2, last_error = $4", [
            `Gave up after ${row.attempts} attempts. Last receipt: ${reason ?? receipt.status}`,
          ])
        } else {
          updated = await update(", status = 'retrying', next_attempt_at = $4, last_error = $5", [
            now + backoffMs(policy, row.attempts),
            reason ?? receipt.status,
          ])
        }
      }
      return updated ? publicView(updated) : undefined
    })
  }

  async retry(id: string, filter: ChannelFilter = {}): Promise<QueuedMessage> {
    const now = this.now()
    return this.transaction(async (client) => {
      const [row] = (
        await client.query<MessageRow>('SELECT * FROM messages WHERE id = $1 AND ($2::text IS NULL OR channel = $2) FOR UPDATE', [id, filter.channel ?? null])
      ).rows
      const refusal = retryRefusal(id, row)
      if (refusal) throw new Error(refusal)
      const [updated] = (
        await client.query<MessageRow>(
          "UPDATE messages SET status = 'retrying', next_attempt_at = $1, finished_at = NULL, attempts = 0 WHERE id = $2 RETURNING *",
          [now, id],
        )
      ).rows
      if (!updated) throw new Error(`No message with id ${id}.`)
      return publicView(updated)
    })
  }

  async cancel(id: string, by: string, filter: ChannelFilter = {}): Promise<CancelResult> {
    const now = this.now()
    // One guarded UPDATE: against a worker claiming the same row at the same moment, exactly one of the two wins.
    const [row] = await this.rows<MessageRow>(
      `UPDATE messages SET status = 'cancelled', finished_at = $1, cancelled_by = $2, claimed_by = NULL, lease_until = NULL
       WHERE id = $3 AND ${ACTIVE} AND ($4::text IS NULL OR channel = $4) RETURNING *`,
      [now, by, id, filter.channel ?? null],
    )
    if (row) return { cancelled: true, message: publicView(row) }
    return cancelRefusal(id, await this.get(id, filter))
  }

  /**
   * Erases recipients past retention, then rewrites the table so their old row versions are not left in its files
   * (see postgresPurge.ts for what VACUUM leaves and what remains in the WAL).
   */
  async purge(): Promise<PurgeResult> {
    const now = this.now()
    const [result] = await this.rows<{ erased: number }>(
      `WITH erased AS (
         UPDATE messages SET to_address = NULL, to_name = NULL, recipient_key = NULL, request_digest = NULL, purged_at = $1
         WHERE status IN ('sent','failed','cancelled') AND to_address IS NOT NULL AND finished_at IS NOT NULL AND finished_at <= $2
         RETURNING 1),
       counted AS (UPDATE queue_scrub SET erased_gen = erased_gen + 1 WHERE EXISTS (SELECT 1 FROM erased))
       SELECT count(*) AS erased FROM erased`,
      [now, now - this.retentionMs],
    )
    await this.rows('DELETE FROM rate_limits WHERE window_start + window_ms <= $1', [now])
    const erased = result?.erased ?? 0
    return { erased, ...(await scrubErased(this.open(), erased > 0)) }
  }

  async takeRateLimit(bucket: string, rule: { limit: number; windowMs: number }): Promise<RateLimitTake> {
    const now = this.now()
    const start = windowStart(now, rule.windowMs)
    const retryAfterMs = start + rule.windowMs - now
    if (rule.limit <= 0) {
      this.open()
      return { allowed: false, count: 0, retryAfterMs }
    }
    const [row] = await this.rows<{ count: number }>(
      `INSERT INTO rate_limits AS r (bucket, window_ms, window_start, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (bucket, window_ms, window_start) DO UPDATE SET count = r.count + 1 WHERE r.count < $4
       RETURNING count`,
      [bucket, rule.windowMs, start, rule.limit],
    )
    return row ? { allowed: true, count: row.count, retryAfterMs } : { allowed: false, count: rule.limit, retryAfterMs }
  }

  /**
   * Refuses a database that cannot hold every language the queue stores (Urdu, Arabic, Welsh, Polish names and
   * renderings): it must be UTF8 (or SQL_ASCII, which keeps bytes as given), else the first such message would fail.
   */
  async checkEncoding(): Promise<void> {
    const [row] = await this.rows<{ encoding: string; database: string }>(
      'SELECT pg_encoding_to_char(encoding) AS encoding, datname AS database FROM pg_database WHERE datname = current_database()',
    )
    if (row && row.encoding !== 'UTF8' && row.encoding !== 'SQL_ASCII') {
      throw new Error(
        `the database "${row.database}" uses the ${row.encoding} encoding, which cannot store the Urdu, Arabic and other text the queue keeps. Create it with ENCODING 'UTF8' (CREATE DATABASE … TEMPLATE template0 ENCODING 'UTF8') and point DATABASE_URL at it.`,
      )
    }
  }

  /**
   * How far this host's clock is from the database server's, in ms (positive: this host is ahead), measured against
   * the middle of one round trip. Leases and retries are written with each host's own clock, so hosts must agree.
   */
  async clockSkewMs(): Promise<number> {
    const before = Date.now()
    const [row] = await this.rows<{ ms: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms')
    const after = Date.now()
    return Math.round((before + after) / 2 - (row?.ms ?? (before + after) / 2))
  }

  migrate(): Promise<MigrationReport> {
    return migratePostgres(this.open(), this.now)
  }

  pendingMigrations(): Promise<string[]> {
    return pendingPostgresMigrations(this.open(), this.now)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pool.end()
  }
}

/**
 * Opens the queue at a postgres:// URL; unless `migrate: false`, first applies the schema migrations it has not had
 * (once, even if several processes start together). A server that cannot be reached is named in the error.
 */
export async function openPostgresQueue(url: string, options: QueueBehaviour = {}): Promise<QueueStore> {
  const queue = new PostgresQueue(url, options)
  try {
    await queue.checkEncoding()
    if (options.migrate !== false) await queue.migrate()
    if (!options.now) {
      const warning = clockSkewWarning(await queue.clockSkewMs(), queue.leaseMs)
      if (warning) process.emitWarning(warning, 'SignpostClockSkew')
    }
  } catch (e) {
    await queue.close()
    throw new Error(`Could not open the queue on PostgreSQL at ${queue.location}: ${(e as Error).message}`, { cause: e })
  }
  return queue
}

/**
 * What to tell the operator when this host's clock is far enough from the database server's to matter: a tenth of a
 * lease (at least a second). Another host compares this host's lease times with its own clock, so a host running
 * ahead takes back live workers' claims early, and one running behind keeps a dead worker's too long.
 */
export function clockSkewWarning(skewMs: number, leaseMs: number): string | undefined {
  if (Math.abs(skewMs) < Math.max(1000, leaseMs / 10)) return undefined
  const how = `${(Math.abs(skewMs) / 1000).toFixed(1)} s ${skewMs > 0 ? 'ahead of' : 'behind'}`
  return `This machine's clock is ${how} the queue's PostgreSQL server. Every machine sharing the queue compares claim leases (${Math.round(leaseMs / 1000)} s) with its own clock, so keep them all on NTP; until then a worker may lose claims it still holds, or a stopped worker's messages may wait longer to be sent.`
}
