// The sms channel's door to the one delivery queue (@signpost/outbox): validates an advice-text request, renders the
// text here at once (what was asked for is what is sent) and stores it as a message of channel "sms" beside the
// emails. Numbers are kept in E.164 and only ever shown masked (07*** ***123); they are erased after retention.
import { createHash, randomUUID } from 'node:crypto'
import { DEFAULT_LANGUAGE, isSupportedLanguage, viewGuide, type Content, type LanguageCode } from '@signpost/content'
import { envNumber, queueFromEnv, type QueuedMessage, type QueueStatus, type QueueStore } from '@signpost/outbox'
import { renderAdviceSms, type RenderedAdviceSms } from './renderAdviceSms.js'
import { validateSmsRequest, type AdviceSmsOrigin, type AdviceSmsRequest } from './request.js'

export type SmsStatus = QueueStatus

/** What staff and API clients may see of a text: the number only masked. */
export type SmsMessage = {
  id: string
  status: SmsStatus
  origin: AdviceSmsOrigin
  guide: string
  area?: string
  /** The language it is written in (recorded with the message, so a retry or a late rendering uses the same one). */
  lang: LanguageCode
  neutral: boolean
  to: string
  /** The reference Notify is given on every attempt (the same one), so a resend can be recognised. */
  reference: string
  attempts: number
  lastError?: string
  lastResponseCode?: number
  deliveredTo?: string
  /** Notify's id for the latest accepted attempt. */
  notificationId?: string
  /** Notify's latest status for it: delivered, permanent-failure, temporary-failure, technical-failure, sending … */
  notifyStatus?: string
  createdAt: string
  nextAttemptAt?: string
  sentAt?: string
  finishedAt?: string
  purged: boolean
}

export function smsView(m: QueuedMessage): SmsMessage {
  return {
    id: m.id,
    status: m.status,
    origin: m.origin === 'web' ? 'api' : m.origin,
    guide: m.guide,
    area: m.area,
    lang: languageOfMessage(m.options),
    neutral: m.options.neutral === true,
    to: m.to,
    reference: m.reference,
    attempts: m.attempts,
    lastError: m.lastError,
    lastResponseCode: m.lastResponseCode,
    deliveredTo: m.deliveredTo,
    notificationId: m.providerId,
    notifyStatus: m.receipt?.status ?? (m.status === 'sent' && m.providerId ? 'accepted' : undefined),
    createdAt: m.createdAt,
    nextAttemptAt: m.nextAttemptAt,
    sentAt: m.sentAt,
    finishedAt: m.finishedAt,
    purged: m.purged,
  }
}

/** The language a queued message records in its options (messages queued before languages have none: English). */
export function languageOfMessage(options: { lang?: unknown }): LanguageCode {
  return isSupportedLanguage(options.lang) ? options.lang : DEFAULT_LANGUAGE
}

export type SmsSnapshot = { body: string; revision: string; texts: number; encoding: string }

export function renderSmsSnapshot(content: Content, request: { guide: string; area?: string | null; neutral?: boolean; lang?: LanguageCode }): SmsSnapshot {
  const view = viewGuide(content, request.guide, request.area ?? undefined, request.lang ?? DEFAULT_LANGUAGE)
  const rendered: RenderedAdviceSms = renderAdviceSms(view, { neutral: request.neutral })
  return { body: rendered.body, revision: rendered.revision, texts: rendered.length.texts, encoding: rendered.length.encoding }
}

export type SmsOutboxOptions = {
  /** The queue to use (the email outbox's, say); else opened from the environment and closed with this outbox. */
  queue?: QueueStore
  /** The queue file (then DATABASE_URL is not used); default DATABASE_URL's PostgreSQL, else EMAIL_DB, else <repo>/var/outbox.sqlite (the same as email). */
  path?: string
  content?: Content
  env?: NodeJS.ProcessEnv
  now?: () => number
  /** At most `limit` texts per number per `windowMs` (default 3 per hour; SMS_RECIPIENT_LIMIT, SMS_RECIPIENT_WINDOW_MS). */
  recipientLimit?: { limit: number; windowMs: number }
  retry?: { baseMs?: number; capMs?: number; maxAttempts?: number }
}

function requestDigest(request: AdviceSmsRequest & { lang: LanguageCode }, area: string | null): string {
  // The language only when it is not English, so a request repeated from before languages existed is still the same request.
  const lang = request.lang === DEFAULT_LANGUAGE ? {} : { lang: request.lang }
  const fields = { channel: 'sms', guide: request.guide, to: request.to, area, neutral: Boolean(request.neutral), ...lang }
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

const SMS = { channel: 'sms' as const }

export class SmsOutbox {
  readonly queue: QueueStore
  readonly content: Content | undefined
  private readonly recipientLimit: { limit: number; windowMs: number }
  private readonly rendered = new Map<string, SmsSnapshot>()
  private readonly ownsQueue: boolean

  /** Use openSmsOutbox (it opens the queue); this wraps a queue already open. */
  constructor(queue: QueueStore, options: Omit<SmsOutboxOptions, 'queue'> = {}, ownsQueue = false) {
    const env = options.env ?? process.env
    this.queue = queue
    this.ownsQueue = ownsQueue
    this.content = options.content
    this.recipientLimit = options.recipientLimit ?? {
      limit: envNumber(env.SMS_RECIPIENT_LIMIT, 3),
      windowMs: envNumber(env.SMS_RECIPIENT_WINDOW_MS, 60 * 60 * 1000),
    }
  }

  /** Where the queue is, for people: the SQLite file, or the PostgreSQL URL without its password. */
  get path(): string {
    return this.queue.location
  }

  /** Stores a request (status queued), rendered now; the same idempotency key returns the first request's id. */
  async enqueue(input: AdviceSmsRequest, options: { apiClient?: string } = {}): Promise<{ id: string; created: boolean }> {
    const request = validateSmsRequest(input, this.content)
    const area = request.area ?? this.content?.settings.defaultArea ?? null
    let snapshot: SmsSnapshot | undefined
    if (this.content) {
      const key = `${request.guide}|${request.area ?? ''}|${request.neutral ? 1 : 0}|${request.lang}`
      snapshot = this.rendered.get(key)
      if (!snapshot) this.rendered.set(key, (snapshot = renderSmsSnapshot(this.content, request)))
    }
    const key = request.idempotencyKey
    const scopedKey = key ? (options.apiClient ? `sms:api:${options.apiClient}:${key}` : `sms:${key}`) : undefined
    return this.queue.enqueue({
      channel: 'sms',
      origin: request.origin,
      guide: request.guide,
      area,
      options: { neutral: Boolean(request.neutral), lang: request.lang },
      recipient: { address: request.to, key: request.to, masked: request.mobile.masked },
      idempotencyKey: scopedKey,
      requestDigest: requestDigest(request, area),
      apiClient: options.apiClient,
      reference: `signpost-${randomUUID()}`,
      snapshot,
      limit: { ...this.recipientLimit, what: 'advice texts' },
      conflictMessage:
        "idempotencyKey: this idempotency key was already used for a different request (another number, guide, area or option). Use a new key for a new request; send exactly the same request to get the first one's id.",
    })
  }

  async get(id: string): Promise<SmsMessage | undefined> {
    const m = await this.queue.get(id, SMS)
    return m ? smsView(m) : undefined
  }

  async getForApiClient(id: string, apiClient: string): Promise<SmsMessage | undefined> {
    const m = await this.queue.getForApiClient(id, apiClient, SMS)
    return m ? smsView(m) : undefined
  }

  async list(options: { limit?: number; status?: SmsStatus } = {}): Promise<SmsMessage[]> {
    return (await this.queue.list({ ...options, ...SMS })).map(smsView)
  }

  counts(): Promise<Record<SmsStatus, number>> {
    return this.queue.counts(SMS)
  }

  async retry(id: string): Promise<SmsMessage> {
    return smsView(await this.queue.retry(id, SMS))
  }

  /** Closes the queue if this outbox opened it (one passed in as `queue` belongs to the caller). */
  async close(): Promise<void> {
    if (this.ownsQueue) await this.queue.close()
  }
}

/** Opens the queue the environment names (DATABASE_URL, else EMAIL_DB or `path`), migrated, and the sms door to it. */
export async function openSmsOutbox(options: SmsOutboxOptions = {}): Promise<SmsOutbox> {
  if (options.queue) return new SmsOutbox(options.queue, options)
  const env = options.env ?? process.env
  const queue = await queueFromEnv(env, {
    file: options.path,
    now: options.now,
    retry: { sms: options.retry ?? {} },
  })
  return new SmsOutbox(queue, options, true)
}
