// The HTTP API as a case-management system calls it: bearer keys, strict 400s, idempotency and rate limits.
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { loadContent } from '@signpost/content'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiServer } from './api.js'
import { createRateLimiter } from './rateLimiter.js'
import { rowCount, tempOutbox, type TempOutbox } from './test-support/tempOutbox.js'

const content = await loadContent()
const KEY = 'test-key-0123456789'
let t: TempOutbox
let server: Server
let base: string

async function start(options: { keyLimit?: number; recipientLimit?: number } = {}) {
  t = await tempOutbox(content, { recipientLimit: { limit: options.recipientLimit ?? 5, windowMs: 3_600_000 } })
  server = createApiServer({
    outbox: t.outbox,
    apiKeys: [KEY, 'another-key'],
    keyLimiter: createRateLimiter({ store: t.outbox.queue, name: 'api-key', limit: options.keyLimit ?? 100, windowMs: 60_000 }),
    log: () => {},
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

afterEach(async () => {
  await new Promise<void>((r) => server.close(() => r()))
  await t.cleanup()
})

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) {
  return fetch(`${base}/v1/advice-emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const good = { guide: 'cyber-crime-and-fraud', to: 'jo@example.com', area: 'derbyshire', attachLeaflet: false, neutral: true }

describe('POST /v1/advice-emails', () => {
  it('queues a valid request (202 with an id) and GET shows its state with the address masked', async () => {
    await start()
    const res = await post(good)
    expect(res.status).toBe(202)
    const body = (await res.json()) as { id: string; status: string }
    expect(body).toMatchObject({ status: 'queued', created: true })
    expect(res.headers.get('location')).toBe(`/v1/advice-emails/${body.id}`)
    const state = await fetch(`${base}/v1/advice-emails/${body.id}`, { headers: { authorization: `Bearer ${KEY}` } })
    expect(state.status).toBe(200)
    const json = (await state.json()) as Record<string, unknown>
    expect(json).toMatchObject({ id: body.id, status: 'queued', attempts: 0, lastError: null, sentAt: null, to: 'j***@example.com' })
    expect(typeof json.createdAt).toBe('string')
    expect(JSON.stringify(json)).not.toContain('jo@example.com')
    const missing = await fetch(`${base}/v1/advice-emails/00000000-0000-0000-0000-000000000000`, { headers: { authorization: `Bearer ${KEY}` } })
    expect(missing.status).toBe(404)
  })

  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: 'Bearer nope' }],
    ['a key that is a prefix of a real one', { authorization: 'Bearer test-key' }],
    ['not a bearer key', { authorization: `Basic ${KEY}` }],
  ])('refuses %s with 401 and queues nothing', async (_what, headers) => {
    await start()
    const res = await post(good, headers as Record<string, string>)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/API key/)
    const get = await fetch(`${base}/v1/advice-emails/00000000-0000-0000-0000-000000000000`)
    expect(get.status).toBe(401)
    expect(rowCount(t.outbox)).toBe(0)
  })

  it.each([
    ['CR/LF in the address', { ...good, to: 'jo@example.com\r\nBcc: all@example.com' }, 'to', /line break/],
    ['LF in the name', { ...good, name: 'Jo\nBcc: x@example.com' }, 'name', /line break/],
    ['an invalid address', { ...good, to: 'jo@' }, 'to', /not a valid email address/],
    ['several recipients in an array', { ...good, to: ['jo@example.com', 'bo@example.com'] }, 'to', /^to: one recipient per request/],
    ['no recipient', { guide: good.guide }, 'to', /^to is required/],
    ['an unknown guide', { ...good, guide: 'no-such-guide' }, 'guide', /Unknown guide "no-such-guide"\. Valid guides: cyber-crime-and-fraud/],
    ['a missing guide', { to: 'jo@example.com' }, 'guide', /guide/],
    ['an unknown field', { ...good, bcc: 'x@example.com' }, 'body', /Unknown field\(s\): bcc/],
    ['a wrong type', { ...good, neutral: 'yes' }, 'neutral', /neutral/],
    ['an origin from outside', { ...good, origin: 'web' }, 'body', /Unknown field\(s\): origin/],
  ])('refuses %s with a 400 that says what is wrong, and queues nothing', async (_what, body, field, message) => {
    await start()
    const res = await post(body)
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: { message: string; field: string } }
    expect(json.error.field).toBe(field)
    expect(json.error.message).toMatch(message)
    expect(rowCount(t.outbox)).toBe(0)
  })

  it('refuses a body that is not JSON', async () => {
    await start()
    expect((await post('{"guide": ')).status).toBe(400)
    const text = await fetch(`${base}/v1/advice-emails`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/plain' },
      body: 'hi',
    })
    expect(text.status).toBe(415)
    expect(rowCount(t.outbox)).toBe(0)
  })

  it('returns the same id for a reused idempotency key (header or field) and queues one message', async () => {
    await start()
    const a = (await (await post(good, { authorization: `Bearer ${KEY}`, 'idempotency-key': 'crm-7' })).json()) as { id: string }
    const b = await post({ ...good, idempotencyKey: 'crm-7' })
    expect(b.status).toBe(202)
    expect(await b.json()).toMatchObject({ id: a.id, created: false })
    const clash = await post({ ...good, idempotencyKey: 'crm-8' }, { authorization: `Bearer ${KEY}`, 'idempotency-key': 'crm-9' })
    expect(clash.status).toBe(400)
    expect(rowCount(t.outbox)).toBe(1)
  })

  it.each([
    ['another recipient', { to: 'someone-else@example.com' }],
    ['another guide option', { neutral: false }],
    ['a name added', { name: 'Jo' }],
  ])('refuses a reused idempotency key with %s: 422, saying the key was already used for a different request, nothing queued', async (_what, change) => {
    await start()
    const first = await post({ ...good, idempotencyKey: 'crm-10' })
    expect(first.status).toBe(202)
    const res = await post({ ...good, ...change, idempotencyKey: 'crm-10' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { message: string; field: string } }
    expect(body.error.field).toBe('idempotencyKey')
    expect(body.error.message).toMatch(/already used for a different request/)
    expect(rowCount(t.outbox)).toBe(1)
    // The same request again still gets the first id; the address is compared in any letter case.
    const same = await post({ ...good, to: 'JO@example.com', idempotencyKey: 'crm-10' })
    expect(same.status).toBe(202)
    expect(await same.json()).toMatchObject({ id: ((await first.json()) as { id: string }).id, created: false })
  })

  it('scopes idempotency keys to the API key: the same key from two API keys queues two messages', async () => {
    await start()
    const mine = (await (await post({ ...good, idempotencyKey: 'case-1' })).json()) as { id: string }
    const again = await post({ ...good, idempotencyKey: 'case-1' })
    expect(await again.json()).toMatchObject({ id: mine.id, created: false })
    const theirs = await post({ ...good, idempotencyKey: 'case-1' }, { authorization: 'Bearer another-key' })
    expect(theirs.status).toBe(202)
    const body = (await theirs.json()) as { id: string; created: boolean }
    expect(body.created).toBe(true)
    expect(body.id).not.toBe(mine.id)
    expect(rowCount(t.outbox)).toBe(2)
    // The scope is added after the key is checked: 200 characters still pass, 201 (field or header) do not.
    expect((await post({ ...good, to: 'long@example.com', idempotencyKey: 'k'.repeat(200) })).status).toBe(202)
    for (const res of [
      await post({ ...good, idempotencyKey: 'k'.repeat(201) }),
      await post(good, { authorization: `Bearer ${KEY}`, 'idempotency-key': 'k'.repeat(201) }),
    ]) {
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('idempotencyKey')
    }
    expect(rowCount(t.outbox)).toBe(3)
  })

  it('limits each API key (429 with Retry-After) without limiting other keys', async () => {
    await start({ keyLimit: 2 })
    expect((await post({ ...good, to: 'a@example.com' })).status).toBe(202)
    expect((await post({ ...good, to: 'b@example.com' })).status).toBe(202)
    const limited = await post({ ...good, to: 'c@example.com' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await post({ ...good, to: 'c@example.com' }, { authorization: 'Bearer another-key' })).status).toBe(202)
    expect(rowCount(t.outbox)).toBe(3)
  })

  it('limits each recipient (429 with Retry-After)', async () => {
    await start({ recipientLimit: 2 })
    expect((await post(good)).status).toBe(202)
    expect((await post(good)).status).toBe(202)
    const limited = await post(good)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { message: string } }).error.message).toContain('j***@example.com')
    expect(rowCount(t.outbox)).toBe(2)
  })
})

describe('GET /v1/advice-emails/:id', () => {
  const read = (id: string, key: string) => fetch(`${base}/v1/advice-emails/${id}`, { headers: { authorization: `Bearer ${key}` } })
  const UNKNOWN = '00000000-0000-0000-0000-000000000000'
  const notFound = { error: { message: 'No advice email with that id.' } }

  it('shows a message only to the API key that created it: another key gets the answer for an unknown id', async () => {
    await start()
    const { id } = (await (await post(good)).json()) as { id: string }
    const mine = await read(id, KEY)
    expect(mine.status).toBe(200)
    expect(await mine.json()).toMatchObject({ id, status: 'queued' })
    const unknown = await read(UNKNOWN, 'another-key')
    expect(unknown.status).toBe(404)
    const unknownBody = await unknown.text()
    expect(JSON.parse(unknownBody)).toEqual(notFound)
    const theirs = await read(id, 'another-key')
    expect(theirs.status).toBe(404)
    expect(await theirs.text()).toBe(unknownBody)
    // The other key's own messages are its to read, and not the first key's.
    const { id: other } = (await (await post({ ...good, to: 'b@example.com' }, { authorization: 'Bearer another-key' })).json()) as { id: string }
    expect((await read(other, 'another-key')).status).toBe(200)
    expect((await read(other, KEY)).status).toBe(404)
  })

  it.each(['cli', 'web'] as const)('does not show a message queued by the %s to any API key', async (origin) => {
    await start()
    const { id } = await t.outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: 'jo@example.com', origin })
    expect(await t.outbox.get(id)).toMatchObject({ id, origin })
    for (const key of [KEY, 'another-key']) {
      const res = await read(id, key)
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual(notFound)
    }
  })
})
