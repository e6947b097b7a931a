// HTTP API for case-management systems: POST an advice email request (202, queued), GET its state.
// Bearer keys from EMAIL_API_KEYS, strict validation with 400s that say what is wrong, per-key and per-recipient limits.
import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { IdempotencyConflictError, RateLimitError, type Outbox, type OutboxMessage } from './outbox.js'
import { createRateLimiter, type RateLimiter } from './rateLimiter.js'
import { AdviceEmailRequestError, adviceEmailRequestSchema, requestErrorOf } from './request.js'

export type ApiOptions = {
  outbox: Outbox
  /** Accepted bearer keys (EMAIL_API_KEYS, comma separated). With none, every request is refused. */
  apiKeys: string[]
  /** Per-key limit (default 60 requests a minute). */
  keyLimiter?: RateLimiter
  /** Called after a message is queued (e.g. to wake the worker). */
  onQueued?: (id: string) => void
  log?: (line: string) => void
}

const MAX_BODY = 16 * 1024
const bodySchema = adviceEmailRequestSchema.omit({ origin: true })

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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json), ...headers })
  res.end(json)
}

function stateOf(m: OutboxMessage) {
  return {
    id: m.id,
    status: m.status,
    to: m.to,
    guide: m.guide,
    area: m.area ?? null,
    attempts: m.attempts,
    lastError: m.lastError ?? null,
    lastResponseCode: m.lastResponseCode ?? null,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? null,
  }
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
  const keys = options.apiKeys.map((k) => k.trim()).filter(Boolean).map(digest)
  const keyLimiter = options.keyLimiter ?? createRateLimiter({ limit: 60, windowMs: 60_000 })
  const log = options.log ?? ((line: string) => console.error(line))

  /** The caller's identity for limits, idempotency and which messages it may read: a short digest of its key, never the key itself. */
  function authenticate(req: IncomingMessage): string {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match || keys.length === 0 || !keyMatches(match[1]!, keys)) {
      throw new HttpError(401, 'A valid API key is required: send "Authorization: Bearer <key>".', undefined, { 'www-authenticate': 'Bearer realm="signpost-email"' })
    }
    return digest(match[1]!).toString('hex').slice(0, 16)
  }

  async function create(req: IncomingMessage, res: ServerResponse, client: string): Promise<void> {
    if (!keyLimiter.take(client)) {
      const seconds = retryAfterSeconds(keyLimiter.retryAfterMs(client))
      throw new HttpError(429, `Too many requests with this API key. Try again in ${seconds} seconds.`, undefined, { 'retry-after': String(seconds) })
    }
    const json = await readJson(req)
    const parsed = bodySchema.safeParse(json)
    if (!parsed.success) throw requestErrorOf(parsed.error, 'body')
    const header = req.headers['idempotency-key']
    const headerKey = Array.isArray(header) ? header[0] : header
    if (headerKey !== undefined && parsed.data.idempotencyKey !== undefined && headerKey !== parsed.data.idempotencyKey) {
      throw new HttpError(400, 'The Idempotency-Key header and the idempotencyKey field differ. Send one, or the same in both.', 'idempotencyKey')
    }
    // The message belongs to this API key, and so do its idempotency keys: two case-management systems may well both number from 1.
    const { id, created } = outbox.enqueue({ ...parsed.data, idempotencyKey: parsed.data.idempotencyKey ?? headerKey, origin: 'api' }, { apiClient: client })
    const message = outbox.get(id)!
    if (created) {
      log(`email api: queued ${id} for ${message.to} (${message.guide})`)
      options.onQueued?.(id)
    }
    send(res, 202, { id, status: message.status, created }, { location: `/v1/advice-emails/${id}` })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz' && req.method === 'GET') return send(res, 200, { ok: true })
    const one = /^\/v1\/advice-emails\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (url.pathname !== '/v1/advice-emails' && !url.pathname.startsWith('/v1/advice-emails/')) throw new HttpError(404, 'Not found.')
    const client = authenticate(req)
    if (url.pathname === '/v1/advice-emails') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST to request an advice email.', undefined, { allow: 'POST' })
      return create(req, res, client)
    }
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET to read the state of an advice email.', undefined, { allow: 'GET' })
    // Another key's message, or one from the CLI or the site, gets the same answer as an unknown id: ids cannot be probed.
    const message = one ? outbox.getForApiClient(one[1]!, client) : undefined
    if (!message) throw new HttpError(404, 'No advice email with that id.')
    send(res, 200, stateOf(message))
  }

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, { error: { message: e.message, ...(e.field ? { field: e.field } : {}) } }, e.headers)
      if (e instanceof AdviceEmailRequestError) return send(res, 400, { error: { message: e.message, field: e.field } })
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
