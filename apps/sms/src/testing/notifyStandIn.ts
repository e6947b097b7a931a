// A local stand-in of GOV.UK Notify's API on 127.0.0.1 (Notify itself cannot be reached from tests). It checks the
// JWT the real notifications-node-client sends (HS256 signed with the API key's secret, iss = the service id, iat
// within 30 seconds), answers in Notify's documented shapes (201 with an id; 400, 403, 429 and 500 errors as
// {status_code, errors: [{error, message}]}), lists notifications by reference, and posts delivery receipts to a
// callback URL with its bearer token, as Notify does. Faults can be queued: 500, 429, a dropped connection, or a text
// accepted whose answer is lost.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506'
export const KEY_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0'
/** An API key as Notify issues it: {name}-{service id}-{secret}. */
export const API_KEY = `signpost_test-${SERVICE_ID}-${KEY_SECRET}`
export const TEMPLATE_ID = 'f33517ff-2a88-4f6e-b855-c550268ce08a'

export type StoredNotification = {
  id: string
  reference: string | null
  phone_number: string
  body: string
  status: string
  created_at: string
  completed_at: string | null
}
export type Fault = 'down' | 500 | 429 | 403 | 'accept-then-drop'

export type NotifyStandIn = {
  url: string
  notifications: StoredNotification[]
  /** Every request with the outcome of its JWT check. */
  requests: { method: string; path: string; jwt: 'ok' | string }[]
  /** Answers the next requests to POST /v2/notifications/sms with these faults, in order. */
  fail(...faults: Fault[]): void
  /** Refuses every connection until up() (Notify down). */
  down(): void
  up(): void
  /** Sets a notification's status and, with a callback set, posts the delivery receipt. Resolves with the callback's HTTP status. */
  deliver(id: string, status: string): Promise<number | undefined>
  callback: { url?: string; token?: string }
  /** Delay before answering a send (ms), after the text is stored. */
  sendDelayMs: number
  close(): Promise<void>
}

const b64url = (b: Buffer) => b.toString('base64url')

/** Checks a Notify JWT by hand (no JWT library): the signature, the algorithm, iss and iat. */
export function checkNotifyJwt(authorization: string | undefined, now = Date.now()): 'ok' | string {
  const m = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '')
  if (!m) return 'Unauthorized: authentication token must be provided'
  const [, h = '', p = '', s = ''] = m
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string; typ?: string }
  if (header.alg !== 'HS256') return `Invalid token: algorithm ${header.alg} is not HS256`
  const expected = createHmac('sha256', KEY_SECRET).update(`${h}.${p}`).digest()
  const given = Buffer.from(s, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'Invalid token: API key not found'
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { iss?: string; iat?: number }
  if (payload.iss !== SERVICE_ID) return 'Invalid token: service not found'
  if (typeof payload.iat !== 'number' || Math.abs(now / 1000 - payload.iat) > 30) return 'Error: Your system clock must be accurate to within 30 seconds'
  return 'ok'
}

const UK_MOBILE = /^\+447\d{9}$/

export async function startNotifyStandIn(): Promise<NotifyStandIn> {
  const notifications: StoredNotification[] = []
  const requests: NotifyStandIn['requests'] = []
  const faults: Fault[] = []
  let isDown = false
  const callback: NotifyStandIn['callback'] = {}
  const sockets = new Set<import('node:net').Socket>()

  const error = (res: ServerResponse, status: number, name: string, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify({ status_code: status, errors: [{ error: name, message }] }))
  }
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const publicOf = (n: StoredNotification) => ({
    id: n.id,
    reference: n.reference,
    phone_number: n.phone_number,
    type: 'sms',
    status: n.status,
    body: n.body,
    created_at: n.created_at,
    completed_at: n.completed_at,
    template: { id: TEMPLATE_ID, version: 1, uri: '' },
  })

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString() || '{}')
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const jwt = checkNotifyJwt(req.headers.authorization)
      requests.push({ method: req.method ?? '', path: url.pathname, jwt })
      if (jwt !== 'ok') return error(res, 403, 'AuthError', jwt)
      if (req.method === 'POST' && url.pathname === '/v2/notifications/sms') {
        const body = (await readBody(req)) as { phone_number?: string; template_id?: string; personalisation?: { body?: string }; reference?: string }
        const fault = faults.shift()
        if (fault === 'down') return req.socket.destroy()
        if (fault === 500) return error(res, 500, 'Exception', 'Internal server error')
        if (fault === 429)
          return error(res, 429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds', { 'retry-after': '1' })
        if (fault === 403) return error(res, 403, 'AuthError', 'Invalid token: API key revoked')
        if (body.template_id !== TEMPLATE_ID) return error(res, 400, 'BadRequestError', 'Template not found')
        if (!body.phone_number || !UK_MOBILE.test(body.phone_number.replace(/\s/g, '')))
          return error(res, 400, 'ValidationError', 'phone_number Not a UK mobile number')
        if (body.phone_number.endsWith('900999')) return error(res, 400, 'BadRequestError', "Can't send to this recipient using a team-only API key")
        if (typeof body.personalisation?.body !== 'string') return error(res, 400, 'BadRequestError', 'Missing personalisation: body')
        const n: StoredNotification = {
          id: randomUUID(),
          reference: body.reference ?? null,
          phone_number: body.phone_number,
          body: body.personalisation.body,
          status: 'sending',
          created_at: new Date().toISOString(),
          completed_at: null,
        }
        notifications.push(n)
        if (fault === 'accept-then-drop') return req.socket.destroy()
        if (stand.sendDelayMs > 0) await new Promise((r) => setTimeout(r, stand.sendDelayMs))
        return json(res, 201, {
          id: n.id,
          reference: n.reference,
          content: { body: n.body, from_number: 'Signpost' },
          uri: `${stand.url}/v2/notifications/${n.id}`,
          template: { id: TEMPLATE_ID, version: 1, uri: '' },
        })
      }
      if (req.method === 'GET' && url.pathname === '/v2/notifications') {
        const reference = url.searchParams.get('reference')
        const list = notifications.filter(
          (n) => (reference === null || n.reference === reference) && (url.searchParams.get('template_type') ?? 'sms') === 'sms',
        )
        return json(res, 200, { notifications: list.reverse().map(publicOf), links: { current: `${stand.url}/v2/notifications` } })
      }
      const one = /^\/v2\/notifications\/([0-9a-f-]{36})$/.exec(url.pathname)
      if (req.method === 'GET' && one) {
        const n = notifications.find((x) => x.id === one[1])
        return n ? json(res, 200, publicOf(n)) : error(res, 404, 'NoResultFound', 'No result found')
      }
      return error(res, 404, 'NotFound', 'Not found')
    })().catch((e: unknown) => error(res, 500, 'Exception', String(e)))
  })
  server.on('connection', (s) => {
    if (isDown) return s.destroy()
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo

  const stand: NotifyStandIn = {
    url: `http://127.0.0.1:${port}`,
    notifications,
    requests,
    callback,
    sendDelayMs: 0,
    fail: (...f) => void faults.push(...f),
    down() {
      isDown = true
      for (const s of sockets) s.destroy()
    },
    up() {
      isDown = false
    },
    async deliver(id, status) {
      const n = notifications.find((x) => x.id === id)
      if (!n) throw new Error(`stand-in: no notification ${id}`)
      n.status = status
      n.completed_at = new Date().toISOString()
      if (!callback.url) return undefined
      const res = await fetch(callback.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.token ?? ''}` },
        body: JSON.stringify({
          id: n.id,
          reference: n.reference,
          to: n.phone_number,
          status,
          created_at: n.created_at,
          completed_at: n.completed_at,
          sent_at: n.created_at,
          notification_type: 'sms',
        }),
      })
      return res.status
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  return stand
}

/** A JWT as the client would make it, for tests of the stand-in's own checks. */
export function jwtFor(payload: object, secret = KEY_SECRET): string {
  const h = b64url(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })))
  const p = b64url(Buffer.from(JSON.stringify(payload)))
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`
}
