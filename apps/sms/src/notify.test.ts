// Texts through the real notifications-node-client against a local stand-in of GOV.UK Notify's API on 127.0.0.1
// (Notify cannot be reached from here): the JWT it checks, Notify's error shapes, and every text accepted exactly once
// under faults (Notify down then up, 429, 500, an answer lost after Notify accepted), permanent failures kept with
// their reason, temporary failures sent again, and the status asked for when no receipt comes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent } from '@signpost/content'
import { createQueueWorker } from '@signpost/outbox'
import { afterEach, describe, expect, it } from 'vitest'
import { createSmsChannel, pollReceipts } from './channel.js'
import { openSmsOutbox, type SmsOutbox } from './smsOutbox.js'
import { checkNotifyJwt, jwtFor, API_KEY, SERVICE_ID, startNotifyStandIn, TEMPLATE_ID, type NotifyStandIn } from './testing/notifyStandIn.js'
import { createSmsTransportFromEnv, notifySmsTransport } from './transport.js'

const content = await loadContent()
let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function setup(options: { apiKey?: string } = {}): Promise<{ notify: NotifyStandIn; outbox: SmsOutbox; deliverAll: (rounds?: number) => Promise<void> }> {
  const notify = await startNotifyStandIn()
  cleanups.push(() => notify.close())
  const dir = mkdtempSync(join(tmpdir(), 'signpost-sms-notify-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const outbox = await openSmsOutbox({
    path: join(dir, 'outbox.sqlite'),
    content,
    env: {},
    retry: { baseMs: 20, capMs: 100, maxAttempts: 10 },
    recipientLimit: { limit: 100, windowMs: 60_000 },
  })
  cleanups.push(() => outbox.close())
  const transport = notifySmsTransport({ apiKey: options.apiKey ?? API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url, timeoutMs: 2000 })
  const worker = createQueueWorker({
    queue: outbox.queue,
    channels: { sms: createSmsChannel({ transport, content: async () => content }) },
    log: () => {},
    batchSize: 10,
  })
  async function deliverAll(rounds = 60): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await worker.runOnce()
      const c = await outbox.counts()
      if (c.queued + c.retrying + c.sending === 0) return
      await new Promise((r) => setTimeout(r, 30))
    }
    throw new Error(`not all texts were sent: ${JSON.stringify(await outbox.counts())}`)
  }
  return { notify, outbox, deliverAll }
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => `07700 9${String(i).padStart(5, '0')}`)

describe('the stand-in checks the JWT as Notify does', () => {
  it('accepts HS256 signed with the key secret, iss the service id, iat now; refuses another secret, service or a stale iat', () => {
    const now = Date.now()
    const iat = Math.round(now / 1000)
    expect(checkNotifyJwt(`Bearer ${jwtFor({ iss: SERVICE_ID, iat })}`, now)).toBe('ok')
    expect(checkNotifyJwt(`Bearer ${jwtFor({ iss: SERVICE_ID, iat }, 'another-secret')}`, now)).toMatch(/API key not found/)
    expect(checkNotifyJwt(`Bearer ${jwtFor({ iss: 'another-service', iat })}`, now)).toMatch(/service not found/)
    expect(checkNotifyJwt(`Bearer ${jwtFor({ iss: SERVICE_ID, iat: iat - 31 })}`, now)).toMatch(/within 30 seconds/)
  })
})

describe('texts through notifications-node-client and the stand-in', () => {
  it('sends the rendered text to the number in E.164 with the template and reference; the client JWT passes', async () => {
    const { notify, outbox, deliverAll } = await setup()
    const { id } = await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: '07700 900123', origin: 'cli' })
    await deliverAll()
    expect(notify.requests.every((r) => r.jwt === 'ok')).toBe(true)
    expect(notify.notifications).toHaveLength(1)
    const [n] = notify.notifications
    expect(n?.phone_number).toBe('+447700900123')
    expect(n?.body).toMatch(/Derbyshire Victim Services[^\n]*0800 612 6505/)
    expect(n?.reference).toBe((await outbox.get(id))?.reference)
    expect(await outbox.get(id)).toMatchObject({ status: 'sent', notificationId: n?.id, notifyStatus: 'accepted', to: '07*** ***123' })
  })

  it('a wrong key secret: Notify answers 403 and the text waits, saying to check NOTIFY_API_KEY', async () => {
    const { notify, outbox } = await setup({ apiKey: `signpost_test-${SERVICE_ID}-00000000-0000-0000-0000-000000000000` })
    const { id } = await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: '07700900123', origin: 'cli' })
    const transport = notifySmsTransport({
      apiKey: `signpost_test-${SERVICE_ID}-00000000-0000-0000-0000-000000000000`,
      templateId: TEMPLATE_ID,
      baseUrl: notify.url,
    })
    await createQueueWorker({ queue: outbox.queue, channels: { sms: createSmsChannel({ transport, content: async () => content }) }, log: () => {} }).runOnce()
    expect(await outbox.get(id)).toMatchObject({ status: 'retrying', lastResponseCode: 403 })
    expect((await outbox.get(id))?.lastError).toMatch(/check NOTIFY_API_KEY.*AuthError: Invalid token: API key not found/)
    expect(notify.notifications).toHaveLength(0)
  })

  it("a 400 from Notify (a team-only key and a number outside the team) fails for good, with Notify's reason", async () => {
    const { outbox, deliverAll } = await setup()
    const { id } = await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: '07700900999', origin: 'cli' })
    await deliverAll()
    expect(await outbox.get(id)).toMatchObject({ status: 'failed', lastResponseCode: 400, attempts: 1 })
    expect((await outbox.get(id))?.lastError).toBe("GOV.UK Notify refused the text: BadRequestError: Can't send to this recipient using a team-only API key")
  })

  it('exactly once under faults: Notify down then up, 429, 500 and an answer lost after Notify accepted', async () => {
    const { notify, outbox, deliverAll } = await setup()
    const ids: string[] = []
    for (const to of numbers(12)) ids.push((await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to, origin: 'api' })).id)
    notify.down()
    const worker = createQueueWorker({
      queue: outbox.queue,
      channels: {
        sms: createSmsChannel({
          transport: notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url, timeoutMs: 2000 }),
          content: async () => content,
        }),
      },
      log: () => {},
    })
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 12, failed: 0 })
    expect((await outbox.get(ids[0] ?? ''))?.lastError).toMatch(/GOV.UK Notify could not be reached \((ECONNRESET|ECONNREFUSED|socket hang up)/)
    notify.up()
    notify.fail(429, 500, 'accept-then-drop', 429, 'accept-then-drop', 500, 'down')
    await deliverAll()
    const references = await Promise.all(ids.map(async (id) => (await outbox.get(id))?.reference))
    const perReference = references.map((ref) => notify.notifications.filter((n) => n.reference === ref).length)
    expect(perReference).toEqual(ids.map(() => 1)) // every text accepted by Notify exactly once
    expect(notify.notifications).toHaveLength(12)
    expect(await outbox.counts()).toMatchObject({ sent: 12, failed: 0, retrying: 0 })
    // The texts whose answer was lost were recognised by their reference, not sent again.
    for (const id of ids) {
      const notificationId = (await outbox.get(id))?.notificationId
      expect(notify.notifications.some((n) => n.id === notificationId)).toBe(true)
    }
    expect(notify.requests.some((r) => r.method === 'GET' && r.path === '/v2/notifications')).toBe(true)
  })

  it('asks Notify for the status when no receipt comes: delivered ends it; permanent-failure fails it with the reason; temporary-failure sends it again', async () => {
    const { notify, outbox, deliverAll } = await setup()
    const [a, b, c] = await Promise.all(numbers(3).map(async (to) => (await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to, origin: 'cli' })).id))
    await deliverAll()
    const byId = (id: string | undefined) => outbox.get(id ?? '')
    const transport = notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url })
    await notify.deliver((await byId(a))?.notificationId ?? '', 'delivered')
    await notify.deliver((await byId(b))?.notificationId ?? '', 'permanent-failure')
    await notify.deliver((await byId(c))?.notificationId ?? '', 'temporary-failure')
    expect(await pollReceipts(outbox.queue, transport, Date.now() + 1)).toBe(3)
    expect(await byId(a)).toMatchObject({ status: 'sent', notifyStatus: 'delivered' })
    expect((await byId(a))?.finishedAt).toBeDefined()
    expect(await byId(b)).toMatchObject({ status: 'failed', notifyStatus: 'permanent-failure' })
    expect((await byId(b))?.lastError).toMatch(/the number may be wrong or not in use \(permanent-failure\)/)
    expect(await byId(c)).toMatchObject({ status: 'retrying', notifyStatus: 'temporary-failure' })
    await new Promise((r) => setTimeout(r, 50))
    await deliverAll()
    const referenceOfC = (await byId(c))?.reference
    const forC = notify.notifications.filter((n) => n.reference === referenceOfC)
    expect(forC.map((n) => n.status)).toEqual(['temporary-failure', 'sending']) // sent again once, not more
    expect(await byId(c)).toMatchObject({ status: 'sent', attempts: 2, notificationId: forC[1]?.id })
  })
})

describe('a text Notify no longer has (it keeps notifications 7 days)', () => {
  it('ends when asked, as delivery unknown, so that retention can erase its number', async () => {
    const { notify, outbox, deliverAll } = await setup()
    const { id } = await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: '07700900123', origin: 'cli' })
    await deliverAll()
    notify.notifications.splice(0)
    const transport = notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url })
    await pollReceipts(outbox.queue, transport, Date.now() + 1)
    expect(await outbox.get(id)).toMatchObject({ status: 'sent', notifyStatus: 'unknown' })
    expect((await outbox.get(id))?.finishedAt).toBeDefined()
  })
})

describe('createSmsTransportFromEnv', () => {
  it('writes files with no key, and refuses a key with no template or a key that is not one, in plain words', () => {
    expect(createSmsTransportFromEnv({ SMS_OUTBOX_DIR: '/tmp/x' }).description).toBe('text files in /tmp/x (no NOTIFY_API_KEY set)')
    expect(() => createSmsTransportFromEnv({ NOTIFY_API_KEY: API_KEY })).toThrow(
      /NOTIFY_SMS_TEMPLATE_ID is not: set it to the id of a Notify text message template whose body is \(\(body\)\)/,
    )
    expect(() => createSmsTransportFromEnv({ NOTIFY_API_KEY: 'abc', NOTIFY_SMS_TEMPLATE_ID: TEMPLATE_ID })).toThrow(
      /does not look like a GOV.UK Notify API key/,
    )
    expect(createSmsTransportFromEnv({ NOTIFY_API_KEY: API_KEY, NOTIFY_SMS_TEMPLATE_ID: TEMPLATE_ID }).description).toBe(
      `GOV.UK Notify (template ${TEMPLATE_ID})`,
    )
  })
})
