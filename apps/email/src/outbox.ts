// The email channel's door to the one delivery queue (@signpost/outbox): validates an advice-email request, renders it
// here (the queue does not know how an email is made) and stores it as a message of channel "email", so an SMTP outage
// or a crash loses nothing, an idempotency key never sends twice, and a recipient cannot be flooded. Everything it
// reads back is email only; texts queued in the same file are the sms channel's.
import { createHash, randomUUID } from 'node:crypto'
import { DEFAULT_LANGUAGE, rules, type Content, type LanguageCode } from '@signpost/content'
import {
  IdempotencyConflictError,
  RateLimitError,
  SqliteQueue,
  WORKER_ID,
  envNumber,
  queueFromEnv,
  type ClaimedQueueMessage,
  type MigrationReport,
  type PurgeResult,
  type QueuedMessage,
  type QueueStatus,
  type QueueStore,
  type SendFailure,
} from '@signpost/outbox'
import { languageOfMessage } from '@signpost/sms'
import { emailRenderCache, snapshotFromJson, snapshotToJson, type EmailSnapshot } from './emailSnapshot.js'
import { validateRequest, type AdviceEmailOrigin, type AdviceEmailRequest } from './request.js'
import { messageIdDomain } from './transport.js'

export { IdempotencyConflictError, RateLimitError, WORKER_ID }

export type OutboxStatus = QueueStatus

/** What staff and API clients may see of a message: the address only masked. */
export type OutboxMessage = {
  id: string
  status: OutboxStatus
  origin: AdviceEmailOrigin
  guide: string
  area?: string
  /** The language it is written in (recorded with the message, so a retry or a late rendering uses the same one). */
  lang: LanguageCode
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
  snapshot?: EmailSnapshot
  leaflet?: { fileName: string; content: Buffer }
}

export type OutboxOptions = {
  /** The queue to use (shared with the sms outbox, say); else opened from the environment (DATABASE_URL or EMAIL_DB) and closed with this outbox. */
  queue?: QueueStore
  /** SQLite file (then DATABASE_URL is not used); default DATABASE_URL's PostgreSQL, else EMAIL_DB, else <repo>/var/outbox.sqlite. */
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
  /** Told which schema migrations opening the queue applied (a start says so). */
  onMigrated?: (report: MigrationReport) => void
}

/** The email view of a queued message. */
export function emailView(m: QueuedMessage): OutboxMessage {
  const { channel: _channel, options, reference, providerId: _p, receipt: _r, ...rest } = m
  return {
    ...rest,
    origin: m.origin,
    lang: languageOfMessage(options),
    attachLeaflet: options.attachLeaflet === true,
    neutral: options.neutral === true,
    messageId: reference,
  }
}

export function claimedEmail(m: ClaimedQueueMessage): ClaimedMessage {
  const { address, name, snapshot, attachment, ...rest } = m
  return { ...emailView(rest), address, name, snapshot: snapshotFromJson(snapshot), leaflet: attachment }
}

/** What makes two requests the same request: everything that decides what is sent, and to whom. */
function requestDigest(request: AdviceEmailRequest & { lang: LanguageCode }, area: string | null): string {
  const fields = {
    // The language only when it is not English, so a request repeated from before languages existed is still the same request.
    ...(request.lang === DEFAULT_LANGUAGE ? {} : { lang: request.lang }),
    guide: request.guide,
    to: request.to.toLowerCase(),
    name: request.name ?? null,
    area,
    attachLeaflet: Boolean(request.attachLeaflet),
    neutral: Boolean(request.neutral),
  }
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

const EMAIL = { channel: 'email' as const }

export class Outbox {
  /** The shared queue (every channel's messages, SQLite or PostgreSQL); this class reads and writes only its email ones. */
  readonly queue: QueueStore
  readonly content: Content | undefined
  private readonly recipientLimit: { limit: number; windowMs: number }
  private readonly domain: string
  private readonly render = emailRenderCache()
  private readonly ownsQueue: boolean

  /** Use openOutbox (it opens the queue); this wraps a queue already open. */
  constructor(queue: QueueStore, options: Omit<OutboxOptions, 'queue'> = {}, ownsQueue = false) {
    const env = options.env ?? process.env
    this.queue = queue
    this.ownsQueue = ownsQueue
    this.content = options.content
    this.recipientLimit = options.recipientLimit ?? {
      limit: envNumber(env.EMAIL_RECIPIENT_LIMIT, 5),
      windowMs: envNumber(env.EMAIL_RECIPIENT_WINDOW_MS, 60 * 60 * 1000),
    }
    this.domain = messageIdDomain(env)
  }

  /** Where the queue is, for people: the SQLite file, or the PostgreSQL URL without its password. */
  get path(): string {
    return this.queue.location
  }
  /** The SQLite connection (tests and the SQLite-only checks); there is none on PostgreSQL. */
  get db(): SqliteQueue['db'] {
    if (this.queue instanceof SqliteQueue) return this.queue.db
    throw new Error(`The outbox is on ${this.queue.backend}, not SQLite: there is no SQLite connection.`)
  }
  /** How long recipient addresses are kept after a message's final state (EMAIL_RETENTION_DAYS). */
  get retentionMs(): number {
    return this.queue.retentionMs
  }
  /** How long a claim lasts without renewal (EMAIL_LEASE_MS); a live worker renews its claims well within it. */
  get leaseMs(): number {
    return this.queue.leaseMs
  }

  /**
   * Stores a request (status queued). Validates it first; the same idempotency key returns the first request's id
   * with created: false. With content, the message is rendered now and stored: what was asked for is what is sent,
   * and a resend after a crash is byte-for-byte the same message.
   * `apiClient` (the digest the HTTP API computes from the caller's key) is recorded as the message's owner, which
   * alone may read it back (`getForApiClient`), and keeps one caller's idempotency keys apart from another's: the key
   * is stored as a digest of "api:<client>:key", after the key itself has been validated.
   */
  async enqueue(input: AdviceEmailRequest, options: { apiClient?: string } = {}): Promise<{ id: string; created: boolean }> {
    const request = validateRequest(input, this.content)
    const snapshot = this.content ? this.render(this.content, request) : undefined
    const scopedKey = request.idempotencyKey && options.apiClient ? `api:${options.apiClient}:${request.idempotencyKey}` : request.idempotencyKey
    const area = request.area ?? this.content?.settings.defaultArea ?? null
    return this.queue.enqueue({
      channel: 'email',
      origin: request.origin,
      guide: request.guide,
      area,
      options: { attachLeaflet: Boolean(request.attachLeaflet), neutral: Boolean(request.neutral), lang: request.lang },
      recipient: { address: request.to, name: request.name, key: request.to.toLowerCase(), masked: rules.maskEmailAddress(request.to) },
      idempotencyKey: scopedKey,
      requestDigest: requestDigest(request, area),
      apiClient: options.apiClient,
      reference: `<${randomUUID()}@${this.domain}>`,
      snapshot: snapshot ? snapshotToJson(snapshot) : undefined,
      limit: { ...this.recipientLimit, what: 'advice emails' },
      conflictMessage:
        "idempotencyKey: this idempotency key was already used for a different request (another recipient, guide, area, language or option). Use a new key for a new request; send exactly the same request to get the first one's id.",
    })
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    const m = await this.queue.get(id, EMAIL)
    return m ? emailView(m) : undefined
  }

  /** A message only if this API client created it: another client's, or one from the CLI or the site, is not found. */
  async getForApiClient(id: string, apiClient: string): Promise<OutboxMessage | undefined> {
    const m = await this.queue.getForApiClient(id, apiClient, EMAIL)
    return m ? emailView(m) : undefined
  }

  async list(options: { limit?: number; status?: OutboxStatus } = {}): Promise<OutboxMessage[]> {
    return (await this.queue.list({ ...options, ...EMAIL })).map(emailView)
  }

  counts(): Promise<Record<OutboxStatus, number>> {
    return this.queue.counts(EMAIL)
  }

  /** Emails a stopped worker left in "sending" go back to the queue, keeping their Message-ID (see Queue.recoverAbandoned). */
  recoverAbandoned(): Promise<{ ownerGone: number; notRenewed: number }> {
    return this.queue.recoverAbandoned({ channels: ['email'] })
  }

  renewClaims(ids: Iterable<string>, workerId: string = WORKER_ID): Promise<string[]> {
    return this.queue.renewClaims([...ids], workerId)
  }

  /** Atomically takes up to `limit` due emails (or one given id) for this worker: they move to "sending". */
  async claim(limit: number, options: { id?: string; workerId?: string } = {}): Promise<ClaimedMessage[]> {
    return (await this.queue.claim(limit, { ...options, channels: ['email'] })).map(claimedEmail)
  }

  /** Keeps what the worker rendered before the first attempt, so every later attempt sends the same thing. */
  saveSnapshot(id: string, snapshot: EmailSnapshot): Promise<void> {
    return this.queue.saveSnapshot(id, snapshotToJson(snapshot))
  }

  saveLeaflet(id: string, leaflet: { fileName: string; content: Buffer }): Promise<void> {
    return this.queue.saveAttachment(id, leaflet)
  }

  markSent(id: string, result: { where: string; response: string }): Promise<void> {
    return this.queue.markSent(id, result)
  }

  /** 5xx (or too many attempts): failed, and stays visible. 4xx and network errors: retrying after back-off. */
  recordFailure(id: string, failure: SendFailure): Promise<OutboxStatus> {
    return this.queue.recordFailure(id, failure)
  }

  /** Puts a failed (or waiting) message back in the queue now. Not possible once its address has been erased. */
  async retry(id: string): Promise<OutboxMessage> {
    return emailView(await this.queue.retry(id, EMAIL))
  }

  /** Erases recipients past retention, in the file too (see Queue.purge); every channel's, as one queue. */
  purge(): Promise<PurgeResult> {
    return this.queue.purge()
  }

  /** Closes the queue if this outbox opened it (one passed in as `queue` belongs to the caller). */
  async close(): Promise<void> {
    if (this.ownsQueue) await this.queue.close()
  }
}

/** Opens the queue the environment names (DATABASE_URL, else EMAIL_DB or `path`), migrated, and the email door to it. */
export async function openOutbox(options: OutboxOptions = {}): Promise<Outbox> {
  if (options.queue) return new Outbox(options.queue, options)
  const env = options.env ?? process.env
  const queue = await queueFromEnv(env, {
    file: options.path,
    now: options.now,
    retry: { email: options.retry ?? {} },
    ...(options.retentionDays !== undefined ? { retentionMs: options.retentionDays * 24 * 60 * 60 * 1000 } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    onMigrated: options.onMigrated,
  })
  return new Outbox(queue, options, true)
}
