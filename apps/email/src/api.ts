// HTTP API for case-management systems: POST an advice email request (202, queued), GET its state; the same for an
// advice text (POST /v1/advice-sms, GET /v1/advice-sms/<id>), from the same queue; and GOV.UK Notify's delivery
// receipts (POST /v1/notify/delivery-receipts, with NOTIFY_CALLBACK_TOKEN as its bearer token, not an API key).
// Bearer keys from EMAIL_API_KEYS, strict validation with 400s that say what is wrong, per-key and per-recipient limits.
import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { IdempotencyConflictError, RateLimitError, type Outbox, type OutboxMessage } from './outbox.js'
import { createRateLimiter, type RateLimiter } from './rateLimiter.js'
import {
  AdviceSmsRequestError,
  adviceSmsRequestSchema,
  handleDeliveryReceipt,
  requestErrorOf as smsRequestErrorOf,
  type SmsMessage,
  type SmsOutbox,
} from '@signpost/sms'
import { AdviceEmailRequestError, adviceEmailRequestSchema, requestErrorOf } from './request.js'

export type ApiOptions = {
  outbox: Outbox
  /** Accepted bearer keys (EMAIL_API_KEYS, comma separated). With none, every request is refused. */
  apiKeys: string[]
  /** Per-key limit (default 60 requests a minute, counted in the outbox's store so every API process shares it). */
  keyLimiter?: RateLimiter
  /** Called after a message is queued (e.g. to wake the worker). */
  onQueued?: (id: string) => void
  log?: (line: string) => void
  /** Texts: the sms outbox (same queue file) and the token Notify sends with delivery receipts (NOTIFY_CALLBACK_TOKEN). */
  sms?: { outbox: SmsOutbox; callbackToken?: string }
}

const MAX_BODY = 16 * 1024
const bodySchema = adviceEmailRequestSchema.omit({ origin: true })
const smsBodySchema = adviceSmsRequestSchema.omit({ origin: true })

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()
/** For Retry-After: whole seconds, at least one. */
const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

/** Compares against every key in constant time (hashing first makes lengths equal), so timing reveals nothing. */
function keyMatches(given: string, keys: Buffer[]): boolean {
  const d = digest(given)
  let found = false
  for (const k of keys) found = timingSafeEqual(d, k) || found
  return found
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
    ...headers,
  })
  res.end(json)
}

/** What the API shows of a message of either channel (recipients are already masked). */
function stateOf(m: OutboxMessage | SmsMessage) {
  return {
    id: m.id,
    status: m.status,
    to: m.to,
    guide: m.guide,
    area: m.area ?? null,
    lang: m.lang,
    attempts: m.attempts,
    lastError: m.lastError ?? null,
    lastResponseCode: m.lastResponseCode ?? null,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? null,
  }
}

function smsStateOf(m: SmsMessage) {
  return { ...stateOf(m), notifyStatus: m.notifyStatus ?? null }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send the request as JSON (Content-Type: application/json).')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new HttpError(413, `The request body is larger than ${MAX_BODY} bytes.`)
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.')
  }
}

export function createApiServer(options: ApiOptions): Server {
  const { outbox } = options
  const keys = options.apiKeys
    .map((k) => k.trim())
    .filter(Boolean)
    .map(digest)
  const keyLimiter = options.keyLimiter ?? createRateLimiter({ store: outbox.queue, name: 'api-key', limit: 60, windowMs: 60_000 })
  const log = options.log ?? ((line: string) => console.error(line))

  /** The caller's identity for limits, idempotency and which messages it may read: a short digest of its key, never the key itself. */
  function authenticate(req: IncomingMessage): string {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match || keys.length === 0 || !keyMatches(match[1]!, keys)) {
      throw new HttpError(401, 'A valid API key is required: send "Authorization: Bearer <key>".', undefined, {
        'www-authenticate': 'Bearer realm="signpost-email"',
      })
    }
    return digest(match[1]!).toString('hex').slice(0, 16)
  }

  async function create(req: IncomingMessage, res: ServerResponse, client: string, channel: 'email' | 'sms' = 'email'): Promise<void> {
    const allowance = await keyLimiter.take(client)
    if (!allowance.allowed) {
      const seconds = retryAfterSeconds(allowance.retryAfterMs)
      throw new HttpError(429, `Too many requests with this API key. Try again in ${seconds} seconds.`, undefined, { 'retry-after': String(seconds) })
    }
    const json = await readJson(req)
    if (channel === 'sms') return createSms(req, res, client, json)
    const parsed = bodySchema.safeParse(json)
    if (!parsed.success) throw requestErrorOf(parsed.error, 'body')
    const header = req.headers['idempotency-key']
    const headerKey = Array.isArray(header) ? header[0] : header
    if (headerKey !== undefined && parsed.data.idempotencyKey !== undefined && headerKey !== parsed.data.idempotencyKey) {
      throw new HttpError(400, 'The Idempotency-Key header and the idempotencyKey field differ. Send one, or the same in both.', 'idempotencyKey')
    }
    // The message belongs to this API key, and so do its idempotency keys: two case-management systems may well both number from 1.
    const { id, created } = await outbox.enqueue(
      { ...parsed.data, idempotencyKey: parsed.data.idempotencyKey ?? headerKey, origin: 'api' },
      { apiClient: client },
    )
    const message = (await outbox.get(id))!
    if (created) {
      log(`email api: queued ${id} for ${message.to} (${message.guide})`)
      options.onQueued?.(id)
    }
    send(res, 202, { id, status: message.status, created }, { location: `/v1/advice-emails/${id}` })
  }

  function idempotencyHeader(req: IncomingMessage, bodyKey: string | undefined): string | undefined {
    const header = req.headers['idempotency-key']
    const headerKey = Array.isArray(header) ? header[0] : header
    if (headerKey !== undefined && bodyKey !== undefined && headerKey !== bodyKey) {
      throw new HttpError(400, 'The Idempotency-Key header and the idempotencyKey field differ. Send one, or the same in both.', 'idempotencyKey')
    }
    return bodyKey ?? headerKey
  }

  /** POST /v1/advice-sms: the same keys, validation, idempotency and limits as emails, for a UK mobile number. */
  async function createSms(req: IncomingMessage, res: ServerResponse, client: string, json: unknown): Promise<void> {
    const sms = options.sms
    if (!sms) throw new HttpError(404, 'Texts are not offered by this server.')
    const parsed = smsBodySchema.safeParse(json)
    if (!parsed.success) throw smsRequestErrorOf(parsed.error, 'body')
    const { id, created } = await sms.outbox.enqueue(
      { ...parsed.data, idempotencyKey: idempotencyHeader(req, parsed.data.idempotencyKey), origin: 'api' },
      { apiClient: client },
    )
    const message = await sms.outbox.get(id)
    if (created) {
      log(`sms api: queued ${id} for ${message?.to} (${message?.guide})`)
      options.onQueued?.(id)
    }
    send(res, 202, { id, status: message?.status, created }, { location: `/v1/advice-sms/${id}` })
  }

  async function receipt(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sms = options.sms
    if (!sms) throw new HttpError(404, 'Not found.')
    if (req.method !== 'POST') throw new HttpError(405, 'Notify posts delivery receipts.', undefined, { allow: 'POST' })
    // The token first, so nobody without it learns anything from how the body is read.
    const token = sms.callbackToken
    const pre = await handleDeliveryReceipt(sms.outbox.queue, { authorization: req.headers.authorization, body: {}, token })
    if (pre.status === 401 || pre.status === 503) return send(res, pre.status, pre.body)
    const answer = await handleDeliveryReceipt(sms.outbox.queue, { authorization: req.headers.authorization, body: await readJson(req), token })
    if (answer.status === 200)
      log(
        `sms receipt: ${answer.body.message_status ?? ''} ${answer.body.text ? `for ${answer.body.text.id} (${answer.body.text.to}), now ${answer.body.text.status}` : answer.body.message}`,
      )
    send(res, answer.status, { ok: answer.body.ok, message: answer.body.message })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz' && req.method === 'GET') return send(res, 200, { ok: true })
    if (url.pathname === '/v1/notify/delivery-receipts') return receipt(req, res)
    if (url.pathname === '/v1/advice-sms' || url.pathname.startsWith('/v1/advice-sms/')) {
      const client = authenticate(req)
      if (url.pathname === '/v1/advice-sms') {
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST to request an advice text.', undefined, { allow: 'POST' })
        return create(req, res, client, 'sms')
      }
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET to read the state of an advice text.', undefined, { allow: 'GET' })
      const oneSms = /^\/v1\/advice-sms\/([0-9a-f-]{36})$/.exec(url.pathname)
      const text = oneSms?.[1] ? await options.sms?.outbox.getForApiClient(oneSms[1], client) : undefined
      if (!text) throw new HttpError(404, 'No advice text with that id.')
      return send(res, 200, smsStateOf(text))
    }
    const one = /^\/v1\/advice-emails\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (url.pathname !== '/v1/advice-emails' && !url.pathname.startsWith('/v1/advice-emails/')) throw new HttpError(404, 'Not found.')
    const client = authenticate(req)
    if (url.pathname === '/v1/advice-emails') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST to request an advice email.', undefined, { allow: 'POST' })
      return create(req, res, client)
    }
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET to read the state of an advice email.', undefined, { allow: 'GET' })
    // Another key's message, or one from the CLI or the site, gets the same answer as an unknown id: ids cannot be probed.
    const message = one ? await outbox.getForApiClient(one[1]!, client) : undefined
    if (!message) throw new HttpError(404, 'No advice email with that id.')
    send(res, 200, stateOf(message))
  }

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, { error: { message: e.message, ...(e.field ? { field: e.field } : {}) } }, e.headers)
      if (e instanceof AdviceEmailRequestError || e instanceof AdviceSmsRequestError) return send(res, 400, { error: { message: e.message, field: e.field } })
      // As Stripe's API and the IETF Idempotency-Key draft answer a key reused with another request body.
      if (e instanceof IdempotencyConflictError) return send(res, 422, { error: { message: e.message, field: e.field } })
      if (e instanceof RateLimitError) {
        return send(res, 429, { error: { message: e.message, field: 'to' } }, { 'retry-after': String(retryAfterSeconds(e.retryAfterMs)) })
      }
      log(`email api: ${(e as Error).stack ?? String(e)}`)
      send(res, 500, { error: { message: 'Something went wrong on our side. The request was not queued.' } })
    })
  })
}
