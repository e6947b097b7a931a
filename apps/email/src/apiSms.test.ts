// Texts over the HTTP API and Notify's delivery receipts, end to end: POST /v1/advice-sms with the same keys,
// validation, idempotency and limits as emails; the real notifications-node-client sends to a local stand-in of
// GOV.UK Notify's API on 127.0.0.1, which then posts its receipts to /v1/notify/delivery-receipts with the bearer
// token; and a worker process killed mid-batch leaves every text accepted by Notify exactly once.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent } from '@signpost/content'
import { createQueueWorker } from '@signpost/outbox'
import { createSmsChannel, notifySmsTransport, openSmsOutbox, type SmsOutbox } from '@signpost/sms'
import { afterEach, describe, expect, it } from 'vitest'
import { API_KEY, startNotifyStandIn, TEMPLATE_ID, type NotifyStandIn } from '@signpost/sms/testing'
import { createApiServer } from './api.js'
import { openOutbox, type Outbox } from './outbox.js'
import { createRateLimiter } from './rateLimiter.js'
import { startCli, waitFor } from './test-support/spawnCli.js'

const content = await loadContent()
const KEY = 'test-key-0123456789'
const TOKEN = 'notify-callback-token-0123456789abcdef'
let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function start(
  options: { recipientLimit?: number; token?: string } = {},
): Promise<{ base: string; sms: SmsOutbox; notify: NotifyStandIn; dir: string; outbox: Outbox }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-api-sms-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'outbox.sqlite')
  const outbox = await openOutbox({ path, content, env: {} })
  const sms = await openSmsOutbox({
    path,
    content,
    env: {},
    recipientLimit: { limit: options.recipientLimit ?? 5, windowMs: 3_600_000 },
    retry: { baseMs: 20, capMs: 50 },
  })
  cleanups.push(
    () => outbox.close(),
    () => sms.close(),
  )
  const server: Server = createApiServer({
    outbox,
    apiKeys: [KEY, 'another-key'],
    keyLimiter: createRateLimiter({ store: outbox.queue, name: 'api-key', limit: 100, windowMs: 60_000 }),
    log: () => {},
    sms: { outbox: sms, callbackToken: options.token ?? TOKEN },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const notify = await startNotifyStandIn()
  cleanups.push(() => notify.close())
  notify.callback.url = `${base}/v1/notify/delivery-receipts`
  notify.callback.token = TOKEN
  return { base, sms, notify, dir, outbox }
}

const post = (base: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
  fetch(`${base}/v1/advice-sms`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

const good = { guide: 'cyber-crime-and-fraud', to: '07700 900123' }

describe('POST /v1/advice-sms', () => {
  it('queues a text (202, Location) and GET shows its state with the number masked; other keys cannot read it', async () => {
    const { base } = await start()
    const res = await post(base, good)
    expect(res.status).toBe(202)
    const { id } = (await res.json()) as { id: string }
    expect(res.headers.get('location')).toBe(`/v1/advice-sms/${id}`)
    const state = await fetch(`${base}/v1/advice-sms/${id}`, { headers: { authorization: `Bearer ${KEY}` } })
    const json = (await state.json()) as Record<string, unknown>
    expect(json).toMatchObject({ id, status: 'queued', to: '07*** ***123', guide: 'cyber-crime-and-fraud', notifyStatus: null })
    expect(JSON.stringify(json)).not.toMatch(/900123"|447700900123/)
    expect((await fetch(`${base}/v1/advice-sms/${id}`, { headers: { authorization: 'Bearer another-key' } })).status).toBe(404)
    expect((await fetch(`${base}/v1/advice-sms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401)
  })

  it.each([
    [{ ...good, to: '0300 123 2040' }, 'to', /landlines cannot receive texts/],
    [{ ...good, to: ['07700900123', '07700900124'] }, 'to', /one recipient per request/],
    [{ ...good, guide: 'nope' }, 'guide', /Unknown guide "nope"/],
    [{ ...good, attachLeaflet: true }, 'body', /Unknown field\(s\): attachLeaflet/],
  ])('refuses %j with a 400 naming the field', async (body, field, message) => {
    const { base } = await start()
    const res = await post(base, body)
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: { field: string; message: string } }
    expect(json.error.field).toBe(field)
    expect(json.error.message).toMatch(message)
  })

  it('the same idempotency key gives the same text; with another request it is a 422; per-number limit is a 429', async () => {
    const { base, sms } = await start({ recipientLimit: 2 })
    const first = (await (await post(base, { ...good, idempotencyKey: 'case-9' })).json()) as { id: string }
    const again = await post(base, good, { authorization: `Bearer ${KEY}`, 'idempotency-key': 'case-9' })
    expect(await again.json()).toEqual({ id: first.id, status: 'queued', created: false })
    expect((await post(base, { ...good, to: '07700900124', idempotencyKey: 'case-9' })).status).toBe(422)
    expect((await post(base, good)).status).toBe(202)
    const limited = await post(base, good)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many advice texts to 07\*\*\* \*\*\*123/)
    expect((await sms.counts()).queued).toBe(2)
  })
})

describe('Notify delivery receipts at /v1/notify/delivery-receipts', () => {
  it('records delivered and permanent-failure (keeping the reason), resends a temporary failure, and refuses a wrong token', async () => {
    const { base, sms, notify } = await start()
    const ids: string[] = []
    for (const to of ['07700900201', '07700900202', '07700900203']) ids.push(((await (await post(base, { ...good, to })).json()) as { id: string }).id)
    const transport = notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url })
    const worker = createQueueWorker({ queue: sms.queue, channels: { sms: createSmsChannel({ transport, content: async () => content }) }, log: () => {} })
    await worker.runOnce()
    const [a, b, c] = await Promise.all(ids.map((id) => sms.get(id)))
    expect([a, b, c].map((m) => m?.status)).toEqual(['sent', 'sent', 'sent'])

    const forged = await fetch(`${base}/v1/notify/delivery-receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token' },
      body: JSON.stringify({ id: a?.notificationId, status: 'permanent-failure' }),
    })
    expect(forged.status).toBe(401)
    expect((await sms.get(ids[0] ?? ''))?.status).toBe('sent')

    expect(await notify.deliver(a?.notificationId ?? '', 'delivered')).toBe(200)
    expect(await notify.deliver(b?.notificationId ?? '', 'permanent-failure')).toBe(200)
    expect(await notify.deliver(c?.notificationId ?? '', 'temporary-failure')).toBe(200)
    expect(await notify.deliver(a?.notificationId ?? '', 'delivered')).toBe(200) // Notify may post the same receipt twice
    expect(await sms.get(ids[0] ?? '')).toMatchObject({ status: 'sent', notifyStatus: 'delivered' })
    expect(await sms.get(ids[1] ?? '')).toMatchObject({ status: 'failed', notifyStatus: 'permanent-failure' })
    expect((await sms.get(ids[1] ?? ''))?.lastError).toMatch(/permanent-failure/)
    expect(await sms.get(ids[2] ?? '')).toMatchObject({ status: 'retrying', notifyStatus: 'temporary-failure' })
    await new Promise((r) => setTimeout(r, 60))
    await worker.runOnce()
    expect(notify.notifications.filter((n) => n.reference === c?.reference)).toHaveLength(2)
    const resent = await sms.get(ids[2] ?? '')
    expect(resent).toMatchObject({ status: 'sent', attempts: 2 })
    await notify.deliver(resent?.notificationId ?? '', 'delivered')
    expect(await sms.get(ids[2] ?? '')).toMatchObject({ status: 'sent', notifyStatus: 'delivered' })
    expect(notify.notifications).toHaveLength(4) // 3 texts, one sent twice after its temporary failure, nothing else
  })

  it('without NOTIFY_CALLBACK_TOKEN refuses receipts (503) and says how to set it up', async () => {
    const { base } = await start({ token: '' })
    const res = await fetch(`${base}/v1/notify/delivery-receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: '{}',
    })
    expect(res.status).toBe(503)
    expect(((await res.json()) as { message: string }).message).toMatch(/set NOTIFY_CALLBACK_TOKEN/)
  })
})

describe('the worker npm start runs, killed with SIGKILL mid-batch while Notify is slow', () => {
  it('after a restart every text is accepted by Notify exactly once, and the emails beside them still go', async () => {
    const { sms, notify, dir, outbox } = await start({ recipientLimit: 100 })
    const emails = await Promise.all(
      ['a@example.com', 'b@example.com', 'c@example.com'].map(async (to) => (await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to, origin: 'cli' })).id),
    )
    notify.sendDelayMs = 300 // Notify stores each text, then answers slowly: the kill lands between the two
    const ids = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await sms.enqueue({ guide: 'cyber-crime-and-fraud', to: `07700 9003${String(i).padStart(2, '0')}`, origin: 'cli' })).id,
      ),
    )
    const env = {
      EMAIL_DB: join(dir, 'outbox.sqlite'),
      EMAIL_OUTBOX_DIR: join(dir, 'mail'),
      SMTP_URL: '',
      NOTIFY_API_KEY: API_KEY,
      NOTIFY_SMS_TEMPLATE_ID: TEMPLATE_ID,
      NOTIFY_API_URL: notify.url,
      EMAIL_WORKER_BATCH: '10',
      EMAIL_WORKER_POLL_MS: '50',
      SMS_RETRY_BASE_MS: '50',
    }
    const first = startCli(['worker'], env)
    await waitFor(() => notify.notifications.length >= 3, 'Notify to accept the first texts')
    first.child.kill('SIGKILL')
    await first.exited
    const accepted = notify.notifications.length
    expect((await sms.counts()).sending).toBeGreaterThan(0) // the kill did land mid-batch
    notify.sendDelayMs = 0
    const second = startCli(['worker'], env)
    cleanups.push(() => second.child.exitCode === null && second.child.kill('SIGKILL'))
    await waitFor(async () => (await sms.counts()).sent === 20 && (await outbox.counts()).sent === 3, 'every text and email to be sent', 60_000)
    for (const id of emails) expect((await outbox.get(id))?.deliveredTo).toMatch(/\.eml$/)
    second.child.kill('SIGTERM')
    const log = await second.exited
    expect(log.code).toBe(0)
    expect(log.stderr).toMatch(/sms: \d+ message\(s\) left in "sending" by a worker that is no longer running will be sent again \(same reference\)/)
    expect(log.stderr).not.toMatch(/7700 ?9003\d\d|447700/) // numbers only masked in logs
    const references = await Promise.all(ids.map(async (id) => (await sms.get(id))?.reference))
    const perReference = references.map((reference) => notify.notifications.filter((n) => n.reference === reference).length)
    console.info(`kill test: ${accepted} accepted by Notify before the kill, ${notify.notifications.length} in all for 20 texts`)
    expect(perReference).toEqual(ids.map(() => 1))
  })
})

describe('npm run email -- serve (a real process) with no Notify key', () => {
  it('takes POST /v1/advice-sms and its worker writes the text under SMS_OUTBOX_DIR, saying where texts go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-serve-sms-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const env = {
      EMAIL_DB: join(dir, 'outbox.sqlite'),
      EMAIL_OUTBOX_DIR: join(dir, 'mail'),
      SMS_OUTBOX_DIR: join(dir, 'sms'),
      SMTP_URL: '',
      NOTIFY_API_KEY: '',
      EMAIL_API_KEYS: KEY,
      EMAIL_WORKER_POLL_MS: '50',
    }
    const serve = startCli(['serve', '--port', '0'], env)
    cleanups.push(() => serve.child.exitCode === null && serve.child.kill('SIGKILL'))
    let port = 0
    await waitFor(() => {
      port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(serve.output().stderr)?.[1] ?? 0)
      return port > 0
    }, 'the API to listen')
    expect(serve.output().stderr).toContain(`texts via text files in ${join(dir, 'sms')} (no NOTIFY_API_KEY set)`)
    const res = await post(`http://127.0.0.1:${port}`, good)
    expect(res.status).toBe(202)
    const { id } = (await res.json()) as { id: string }
    const sms = await openSmsOutbox({ path: env.EMAIL_DB, env: {} })
    cleanups.push(() => sms.close())
    await waitFor(async () => (await sms.get(id))?.status === 'sent', 'the text to be written')
    expect((await sms.get(id))?.deliveredTo).toMatch(new RegExp(`^${join(dir, 'sms')}/.*\\.txt$`))
    serve.child.kill('SIGTERM')
    expect((await serve.exited).code).toBe(0)
  })
})
