// The durable outbox: every advice email is stored here first (SQLite, WAL) and only then delivered by the worker,
// so an SMTP outage or a crash loses nothing, an idempotency key never sends twice, and a recipient cannot be flooded.
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { rules, viewGuide, type Content } from '@signpost/content'
import { defaultOutboxPath } from './paths.js'
import { renderAdviceEmail, type RenderedAdviceEmail } from './renderAdviceEmail.js'
import { validateRequest, type AdviceEmailOrigin, type AdviceEmailRequest } from './request.js'
import { maskAddressesIn } from './redact.js'
import { messageIdDomain, type SendFailure } from './transport.js'

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed'

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

/** What staff and API clients may see of a message: the address only masked. */
export type OutboxMessage = {
  id: string
  status: OutboxStatus
  origin: AdviceEmailOrigin
  guide: string
  area?: string
  attachLeaflet: boolean
  neutral: boolean
  to: string
  messageId: string
  attempts: number
  lastError?: string
  lastResponseCode?: number
  deliveredTo?: string
  createdAt: string
  nextAttemptAt?: string
  sentAt?: string
  finishedAt?: string
  purged: boolean
}

/** A claimed message, with what the worker needs to send it. */
export type ClaimedMessage = OutboxMessage & {
  address: string | null
  name: string | null
  snapshot?: RenderedAdviceEmail & { revision: string }
  leaflet?: { fileName: string; content: Buffer }
}

export type OutboxOptions = {
  /** SQLite file; default EMAIL_DB, else <repo>/var/outbox.sqlite. */
  path?: string
  /** Content to check guides against and to render the message at enqueue time (recommended). */
  content?: Content
  env?: NodeJS.ProcessEnv
  /** Injectable clock (ms since epoch), for tests. */
  now?: () => number
  /** At most `limit` requests per recipient per `windowMs` (default 5 per hour; EMAIL_RECIPIENT_LIMIT, EMAIL_RECIPIENT_WINDOW_MS). */
  recipientLimit?: { limit: number; windowMs: number }
  /** Exponential back-off for 4xx and network errors (EMAIL_RETRY_BASE_MS, EMAIL_RETRY_CAP_MS, EMAIL_MAX_ATTEMPTS). */
  retry?: { baseMs?: number; capMs?: number; maxAttempts?: number }
  /** Days after a final state before the address is erased (EMAIL_RETENTION_DAYS, default 30). */
  retentionDays?: number
  /** A message in "sending" longer than this is taken to be abandoned (EMAIL_LEASE_MS, default 5 minutes). */
  leaseMs?: number
}

type Row = {
  id: string
  status: OutboxStatus
  origin: AdviceEmailOrigin
  guide: string
  area: string | null
  attach_leaflet: number
  neutral: number
  to_address: string | null
  to_name: string | null
  to_masked: string
  message_id: string
  render_hash: string | null
  leaflet_hash: string | null
  attempts: number
  last_error: string | null
  last_response_code: number | null
  delivered_to: string | null
  created_at: number
  next_attempt_at: number
  claimed_by: string | null
  claimed_at: number | null
  sent_at: number | null
  finished_at: number | null
  purged_at: number | null
}

// Rendered messages and leaflets are stored once, named by the hash of their bytes, and each message points at its
// own: the snapshot is still fixed per message (what was asked for is what is sent), without 20 KB copied per row.
// Schema 3 added messages.api_client (see migrateFrom2). Schema 4 (see migrateFrom3) keeps idempotency keys only as
// digests beside a digest of the request they came with, masks addresses inside stored server replies, and records the
// sender's display name with each rendering. Outboxes of schema 2 and 3 are migrated when opened.
const SCHEMA_VERSION = 4
const SCHEMA = `
CREATE TABLE IF NOT EXISTS renders (
  hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  html TEXT NOT NULL,
  text TEXT NOT NULL,
  revision TEXT NOT NULL,
  sender_name TEXT
);
CREATE TABLE IF NOT EXISTS leaflets (
  hash TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed')),
  origin TEXT NOT NULL,
  guide TEXT NOT NULL,
  area TEXT,
  attach_leaflet INTEGER NOT NULL DEFAULT 0,
  neutral INTEGER NOT NULL DEFAULT 0,
  to_address TEXT,
  to_name TEXT,
  recipient_key TEXT,
  to_masked TEXT NOT NULL,
  idempotency_key TEXT,
  request_digest TEXT,
  api_client TEXT,
  message_id TEXT NOT NULL UNIQUE,
  render_hash TEXT REFERENCES renders (hash),
  leaflet_hash TEXT REFERENCES leaflets (hash),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_response_code INTEGER,
  delivered_to TEXT,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  claimed_at INTEGER,
  sent_at INTEGER,
  finished_at INTEGER,
  purged_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_due ON messages (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS messages_recipient ON messages (recipient_key, created_at) WHERE recipient_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_finished ON messages (finished_at) WHERE to_address IS NOT NULL;
`

const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString())
const num = (value: string | undefined, fallback: number): number => {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback
}

function publicView(row: Row): OutboxMessage {
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    guide: row.guide,
    area: row.area ?? undefined,
    attachLeaflet: row.attach_leaflet === 1,
    neutral: row.neutral === 1,
    to: row.to_masked,
    messageId: row.message_id,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    lastResponseCode: row.last_response_code ?? undefined,
    deliveredTo: row.delivered_to ?? undefined,
    createdAt: iso(row.created_at)!,
    nextAttemptAt: row.status === 'queued' || row.status === 'retrying' ? iso(row.next_attempt_at) : undefined,
    sentAt: iso(row.sent_at),
    finishedAt: iso(row.finished_at),
    purged: row.purged_at !== null,
  }
}

type Snapshot = RenderedAdviceEmail & { revision: string }

function hashOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('hex')
}

/** Idempotency keys are kept only as this digest: a key can be matched again, but not read back from the file. */
const keyDigest = (key: string): string => createHash('sha256').update(`idempotency-key\0${key}`).digest('hex')

/** What makes two requests the same request: everything that decides what is sent, and to whom. */
function requestDigest(request: AdviceEmailRequest, area: string | null): string {
  const fields = { guide: request.guide, to: request.to.toLowerCase(), name: request.name ?? null, area, attachLeaflet: Boolean(request.attachLeaflet), neutral: Boolean(request.neutral) }
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
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

export class Outbox {
  readonly path: string
  readonly db: Database.Database
  readonly content: Content | undefined
  private readonly now: () => number
  private readonly recipientLimit: { limit: number; windowMs: number }
  private readonly retryPolicy: { baseMs: number; capMs: number; maxAttempts: number }
  /** How long recipient addresses are kept after a message's final state (EMAIL_RETENTION_DAYS). */
  readonly retentionMs: number
  /** How long a claim lasts without renewal (EMAIL_LEASE_MS); a live worker renews its claims well within it. */
  readonly leaseMs: number
  private readonly domain: string

  constructor(options: OutboxOptions = {}) {
    const env = options.env ?? process.env
    this.path = options.path ?? defaultOutboxPath(env)
    this.content = options.content
    this.now = options.now ?? Date.now
    this.recipientLimit = options.recipientLimit ?? {
      limit: num(env.EMAIL_RECIPIENT_LIMIT, 5),
      windowMs: num(env.EMAIL_RECIPIENT_WINDOW_MS, 60 * 60 * 1000),
    }
    this.retryPolicy = {
      baseMs: options.retry?.baseMs ?? num(env.EMAIL_RETRY_BASE_MS, 60_000),
      capMs: options.retry?.capMs ?? num(env.EMAIL_RETRY_CAP_MS, 60 * 60 * 1000),
      maxAttempts: options.retry?.maxAttempts ?? num(env.EMAIL_MAX_ATTEMPTS, 12),
    }
    this.retentionMs = (options.retentionDays ?? num(env.EMAIL_RETENTION_DAYS, 30)) * 24 * 60 * 60 * 1000
    this.leaseMs = options.leaseMs ?? num(env.EMAIL_LEASE_MS, 5 * 60 * 1000)
    this.domain = messageIdDomain(env)
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true })
    this.db = new Database(this.path)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    // Erased addresses are overwritten in the file, not just unlinked from the row (see purge).
    this.db.pragma('secure_delete = ON')
    const version = this.db.pragma('user_version', { simple: true }) as number
    const hasTables = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'messages'").get() !== undefined
    if (hasTables && version === 2) this.migrateFrom2()
    if (hasTables && (version === 2 || version === 3)) this.migrateFrom3()
    else if (hasTables && version !== SCHEMA_VERSION) {
      this.db.close()
      throw new Error(`The outbox ${this.path} was made by another version of Signpost (schema ${version}, this one needs ${SCHEMA_VERSION}). Move it aside or set EMAIL_DB.`)
    }
    this.db.exec(SCHEMA)
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }

  /**
   * Schema 2 → 3: adds the API client that created each message. Rows queued over the API with an idempotency key
   * already name their client ("api:<16 hex>:key"), so they stay readable by it; any other row has no API owner.
   * In one immediate transaction that looks again, so two processes opening the same old outbox migrate it once.
   */
  private migrateFrom2(): void {
    this.db
      .transaction(() => {
        const columns = this.db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]
        if (!columns.some((c) => c.name === 'api_client')) {
          this.db.exec('ALTER TABLE messages ADD COLUMN api_client TEXT')
          this.db.exec(`UPDATE messages SET api_client = substr(idempotency_key, 5, 16) WHERE origin = 'api' AND idempotency_key GLOB 'api:${'[0-9a-f]'.repeat(16)}:*'`)
        }
        this.db.pragma('user_version = 3')
      })
      .immediate()
  }

  /**
   * Schema 3 → 4: idempotency keys become digests (with no request digest, so a repeat of an old key is answered as
   * before), server replies already stored get their addresses masked, renders gain the sender name. Then the file is
   * rebuilt once (VACUUM), so nothing an older version erased without overwriting stays in its free pages.
   */
  private migrateFrom3(): void {
    const migrated = this.db
      .transaction(() => {
        if (this.db.pragma('user_version', { simple: true }) !== 3) return false
        const has = (table: string, column: string) => (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column)
        if (!has('messages', 'request_digest')) this.db.exec('ALTER TABLE messages ADD COLUMN request_digest TEXT')
        const hasRenders = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'renders'").get() !== undefined
        if (hasRenders && !has('renders', 'sender_name')) this.db.exec('ALTER TABLE renders ADD COLUMN sender_name TEXT')
        type Old = Pick<Row, 'id' | 'last_error' | 'to_address' | 'to_name'> & { idempotency_key: string | null }
        const rows = this.db.prepare('SELECT id, idempotency_key, last_error, to_address, to_name FROM messages WHERE idempotency_key IS NOT NULL OR last_error IS NOT NULL').all() as Old[]
        const update = this.db.prepare('UPDATE messages SET idempotency_key = ?, last_error = ? WHERE id = ?')
        for (const r of rows) {
          update.run(r.idempotency_key === null ? null : keyDigest(r.idempotency_key), r.last_error === null ? null : maskAddressesIn(r.last_error, [r.to_address, r.to_name]), r.id)
        }
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`)
        return true
      })
      .immediate()
    if (migrated) {
      this.db.exec('VACUUM')
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    }
  }

  /**
   * Stores a request (status queued). Validates it first; the same idempotency key returns the first request's id
   * with created: false. With content, the message is rendered now and stored: what was asked for is what is sent,
   * and a resend after a crash is byte-for-byte the same message.
   * `apiClient` (the digest the HTTP API computes from the caller's key) is recorded as the message's owner, which
   * alone may read it back (`getForApiClient`), and keeps one caller's idempotency keys apart from another's: the key
   * is stored as "api:<client>:key", after the key itself has been validated.
   */
  enqueue(input: AdviceEmailRequest, options: { apiClient?: string } = {}): { id: string; created: boolean } {
    const request = validateRequest(input, this.content)
    const snapshot = this.content ? this.render(request) : undefined
    const scopedKey = request.idempotencyKey && options.apiClient ? `api:${options.apiClient}:${request.idempotencyKey}` : request.idempotencyKey
    const idempotencyKey = scopedKey ? keyDigest(scopedKey) : undefined
    const area = request.area ?? this.content?.settings.defaultArea ?? null
    const digest = requestDigest(request, area)
    const now = this.now()
    const txn = this.db.transaction((): { id: string; created: boolean } => {
      if (idempotencyKey) {
        const existing = this.db.prepare('SELECT id, request_digest FROM messages WHERE idempotency_key = ?').get(idempotencyKey) as { id: string; request_digest: string | null } | undefined
        // A row from before schema 4 has no request digest: its key is answered as it always was.
        if (existing && existing.request_digest !== null && existing.request_digest !== digest) {
          throw new IdempotencyConflictError(
            'idempotencyKey: this idempotency key was already used for a different request (another recipient, guide, area or option). Use a new key for a new request; send exactly the same request to get the first one\'s id.',
          )
        }
        if (existing) return { id: existing.id, created: false }
      }
      const key = request.to.toLowerCase()
      const { limit, windowMs } = this.recipientLimit
      const recent = this.db
        .prepare('SELECT count(*) AS n, min(created_at) AS first FROM messages WHERE recipient_key = ? AND created_at > ?')
        .get(key, now - windowMs) as { n: number; first: number | null }
      if (recent.n >= limit) {
        const retryAfterMs = Math.max(1000, (recent.first ?? now) + windowMs - now)
        throw new RateLimitError(
          `Too many advice emails to ${rules.maskEmailAddress(request.to)}: at most ${limit} in ${Math.round(windowMs / 60000)} minutes. Try again in ${Math.ceil(retryAfterMs / 60000)} minutes.`,
          retryAfterMs,
        )
      }
      const id = randomUUID()
      this.db
        .prepare(
          `INSERT INTO messages (id, status, origin, guide, area, attach_leaflet, neutral, to_address, to_name, recipient_key, to_masked,
             idempotency_key, request_digest, api_client, message_id, render_hash, created_at, next_attempt_at)
           VALUES (@id, 'queued', @origin, @guide, @area, @attach, @neutral, @to, @name, @key, @masked, @idem, @digest, @apiClient,
             @messageId, @render, @now, @now)`,
        )
        .run({
          id,
          origin: request.origin,
          guide: request.guide,
          area,
          attach: request.attachLeaflet ? 1 : 0,
          neutral: request.neutral ? 1 : 0,
          to: request.to,
          name: request.name ?? null,
          key,
          masked: rules.maskEmailAddress(request.to),
          idem: idempotencyKey ?? null,
          digest: idempotencyKey ? digest : null,
          apiClient: options.apiClient ?? null,
          messageId: `<${randomUUID()}@${this.domain}>`,
          render: snapshot ? this.storeRender(snapshot) : null,
          now,
        })
      return { id, created: true }
    })
    return txn.immediate()
  }

  // The content an outbox holds never changes, so one rendering per guide, area and subject style serves every request.
  private readonly rendered = new Map<string, Snapshot>()
  /** Stored renders and leaflets never change (named by hash), so they are cached freely. */
  private readonly renderCache = new Map<string, Snapshot>()
  private readonly leafletCache = new Map<string, { fileName: string; content: Buffer }>()

  private storeRender(snapshot: Snapshot): string {
    const hash = hashOf(snapshot.subject, snapshot.html, snapshot.text, snapshot.revision, snapshot.senderName ?? '')
    if (!this.renderCache.has(hash)) {
      this.db
        .prepare('INSERT OR IGNORE INTO renders (hash, subject, html, text, revision, sender_name) VALUES (?, ?, ?, ?, ?, ?)')
        .run(hash, snapshot.subject, snapshot.html, snapshot.text, snapshot.revision, snapshot.senderName ?? null)
      this.renderCache.set(hash, snapshot)
    }
    return hash
  }

  private loadRender(hash: string | null): Snapshot | undefined {
    if (!hash) return undefined
    let s = this.renderCache.get(hash)
    if (!s) {
      const row = this.db.prepare('SELECT subject, html, text, revision, sender_name FROM renders WHERE hash = ?').get(hash) as
        | (Omit<Snapshot, 'senderName'> & { sender_name: string | null })
        | undefined
      if (row) {
        const { sender_name, ...rest } = row
        s = { ...rest, ...(sender_name === null ? {} : { senderName: sender_name }) }
        this.renderCache.set(hash, s)
      }
    }
    return s
  }

  private loadLeaflet(hash: string | null): { fileName: string; content: Buffer } | undefined {
    if (!hash) return undefined
    let l = this.leafletCache.get(hash)
    if (!l) {
      const row = this.db.prepare('SELECT file_name, content FROM leaflets WHERE hash = ?').get(hash) as { file_name: string; content: Buffer } | undefined
      if (row) this.leafletCache.set(hash, (l = { fileName: row.file_name, content: row.content }))
    }
    return l
  }

  private claimedView(row: Row): ClaimedMessage {
    return {
      ...publicView(row),
      address: row.to_address,
      name: row.to_name,
      snapshot: this.loadRender(row.render_hash),
      leaflet: this.loadLeaflet(row.leaflet_hash),
    }
  }

  private render(request: Pick<AdviceEmailRequest, 'guide' | 'area' | 'neutral'>): Snapshot {
    const key = `${request.guide}|${request.area ?? ''}|${request.neutral ? 1 : 0}`
    let snapshot = this.rendered.get(key)
    if (!snapshot) {
      const view = viewGuide(this.content!, request.guide, request.area)
      snapshot = { ...renderAdviceEmail(view, { neutral: request.neutral }), revision: view.guide.revision }
      this.rendered.set(key, snapshot)
    }
    return snapshot
  }

  get(id: string): OutboxMessage | undefined {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined
    return row ? publicView(row) : undefined
  }

  /** A message only if this API client created it: another client's, or one from the CLI or the site, is not found. */
  getForApiClient(id: string, apiClient: string): OutboxMessage | undefined {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ? AND api_client = ?').get(id, apiClient) as Row | undefined
    return row ? publicView(row) : undefined
  }

  list(options: { limit?: number; status?: OutboxStatus } = {}): OutboxMessage[] {
    const limit = options.limit ?? 20
    const rows = (
      options.status
        ? this.db.prepare('SELECT * FROM messages WHERE status = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(options.status, limit)
        : this.db.prepare('SELECT * FROM messages ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit)
    ) as Row[]
    return rows.map(publicView)
  }

  counts(): Record<OutboxStatus, number> {
    const out: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0 }
    for (const r of this.db.prepare('SELECT status, count(*) AS n FROM messages GROUP BY status').all() as { status: OutboxStatus; n: number }[]) {
      out[r.status] = r.n
    }
    return out
  }

  /**
   * Messages a stopped worker left in "sending" go back to the queue, keeping their Message-ID: those whose worker on
   * this host is gone (seen at once), and those whose claim was not renewed within the lease (a worker elsewhere that
   * stopped, or one stuck). A live worker renews the claims of everything it is sending (`renewClaims`), however slow
   * the server, so nothing it is still sending is taken from it.
   */
  recoverAbandoned(): { ownerGone: number; notRenewed: number } {
    const now = this.now()
    const select = this.db.prepare("SELECT id, claimed_by, claimed_at FROM messages WHERE status = 'sending'")
    const update = this.db.prepare(
      "UPDATE messages SET status = 'retrying', next_attempt_at = ?, claimed_by = NULL, last_error = coalesce(last_error, 'Interrupted while sending; sending again.') WHERE id = ? AND status = 'sending'",
    )
    const reasonFor = (r: Pick<Row, 'claimed_by' | 'claimed_at'>) =>
      ownerIsDead(r.claimed_by) ? 'ownerGone' : (r.claimed_at ?? 0) <= now - this.leaseMs ? 'notRenewed' : undefined
    const out = { ownerGone: 0, notRenewed: 0 }
    const rows = () => select.all() as Pick<Row, 'id' | 'claimed_by' | 'claimed_at'>[]
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

  /** Atomically takes up to `limit` due messages (or one given id) for this worker: they move to "sending". */
  claim(limit: number, options: { id?: string; workerId?: string } = {}): ClaimedMessage[] {
    const now = this.now()
    const workerId = options.workerId ?? WORKER_ID
    const rows = options.id
      ? (this.db
          .prepare(
            `UPDATE messages SET status = 'sending', attempts = attempts + 1, claimed_by = ?, claimed_at = ?
             WHERE id = ? AND status IN ('queued','retrying') RETURNING *`,
          )
          .all(workerId, now, options.id) as Row[])
      : (this.db
          .prepare(
            `UPDATE messages SET status = 'sending', attempts = attempts + 1, claimed_by = ?, claimed_at = ?
             WHERE id IN (SELECT id FROM messages WHERE status IN ('queued','retrying') AND next_attempt_at <= ?
                          ORDER BY next_attempt_at, rowid LIMIT ?)
               AND status IN ('queued','retrying')
             RETURNING *`,
          )
          .all(workerId, now, now, limit) as Row[])
    return rows.map((r) => this.claimedView(r))
  }

  /** Keeps what the worker rendered before the first attempt, so every later attempt sends the same thing. */
  saveSnapshot(id: string, snapshot: Snapshot): void {
    const hash = this.storeRender(snapshot)
    this.db.prepare('UPDATE messages SET render_hash = ? WHERE id = ? AND render_hash IS NULL').run(hash, id)
  }

  saveLeaflet(id: string, leaflet: { fileName: string; content: Buffer }): void {
    const hash = hashOf(leaflet.fileName, leaflet.content)
    this.db.prepare('INSERT OR IGNORE INTO leaflets (hash, file_name, content) VALUES (?, ?, ?)').run(hash, leaflet.fileName, leaflet.content)
    this.db.prepare('UPDATE messages SET leaflet_hash = ? WHERE id = ? AND leaflet_hash IS NULL').run(hash, id)
  }

  markSent(id: string, result: { where: string; response: string }): void {
    const now = this.now()
    this.db
      .prepare(
        "UPDATE messages SET status = 'sent', sent_at = ?, finished_at = ?, delivered_to = ?, last_error = NULL, last_response_code = NULL, claimed_by = NULL WHERE id = ?",
      )
      .run(now, now, result.where, id)
  }

  /** 5xx (or too many attempts): failed, and stays visible. 4xx and network errors: retrying after back-off. */
  recordFailure(id: string, failure: SendFailure): OutboxStatus {
    const now = this.now()
    const row = this.db.prepare('SELECT attempts, to_address, to_name FROM messages WHERE id = ?').get(id) as Pick<Row, 'attempts' | 'to_address' | 'to_name'> | undefined
    if (!row) return 'failed'
    const { baseMs, capMs, maxAttempts } = this.retryPolicy
    const giveUp = failure.permanent || row.attempts >= maxAttempts
    // Servers echo the recipient in their replies: only the masked form is kept (and so shown by status and the API).
    const reply = maskAddressesIn(failure.message, [row.to_address, row.to_name])
    const message = failure.permanent || row.attempts < maxAttempts ? reply : `Gave up after ${row.attempts} attempts. Last error: ${reply}`
    if (giveUp) {
      this.db
        .prepare("UPDATE messages SET status = 'failed', finished_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
        .run(now, message, failure.responseCode ?? null, id)
      return 'failed'
    }
    const delay = Math.min(capMs, baseMs * 2 ** Math.max(0, row.attempts - 1))
    this.db
      .prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, last_error = ?, last_response_code = ?, claimed_by = NULL WHERE id = ?")
      .run(now + delay, message, failure.responseCode ?? null, id)
    return 'retrying'
  }

  /** Puts a failed (or waiting) message back in the queue now. Not possible once its address has been erased. */
  retry(id: string): OutboxMessage {
    const row = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined
    if (!row) throw new Error(`No message with id ${id}.`)
    if (row.to_address === null) throw new Error(`Message ${id} can no longer be sent: its address was erased after the retention period.`)
    if (row.status === 'sent' || row.status === 'sending') throw new Error(`Message ${id} is ${row.status}; only failed, queued or retrying messages can be retried.`)
    this.db
      .prepare("UPDATE messages SET status = 'retrying', next_attempt_at = ?, finished_at = NULL, attempts = 0 WHERE id = ?")
      .run(this.now(), id)
    return this.get(id)!
  }

  /**
   * Erases recipient addresses and names from messages that reached a final state before the retention period, so that
   * nothing of them can be read from the files afterwards: secure_delete (on for every connection) overwrites the old
   * row and index entries inside the pages with zeros, and a TRUNCATE checkpoint copies the pages into the database
   * file and empties the WAL, which would otherwise still hold the pages as they were. `walCleared` is false when
   * another connection kept the WAL in use (the old pages then go at the next checkpoint that completes).
   */
  purge(): { erased: number; walCleared: boolean } {
    const now = this.now()
    const erased = this.db
      .prepare(
        `UPDATE messages SET to_address = NULL, to_name = NULL, recipient_key = NULL, request_digest = NULL, purged_at = ?
         WHERE status IN ('sent','failed') AND to_address IS NOT NULL AND finished_at <= ?`,
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

export function openOutbox(options: OutboxOptions = {}): Outbox {
  return new Outbox(options)
}
