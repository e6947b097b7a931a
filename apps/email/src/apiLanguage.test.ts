// The HTTP API's lang field, as a case-management system sends it: POST /v1/advice-emails and /v1/advice-sms with
// lang "ur" queue Urdu messages (GET shows the language); an unsupported code, a code that is not text, or a guide not
// translated into the language is a 400 naming the field lang and what would have worked, with nothing queued.
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent, type Content } from '@signpost/content'
import { openSmsOutbox } from '@signpost/sms'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiServer } from './api.js'
import { openOutbox, type Outbox } from './outbox.js'

const content = await loadContent()
const KEY = 'test-key-0123456789'
const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }
let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function start(withContent: Content = content): Promise<{ base: string; outbox: Outbox }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-api-lang-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'outbox.sqlite')
  const outbox = await openOutbox({ path, content: withContent, env: {} })
  const sms = await openSmsOutbox({ path, content: withContent, env: {} })
  cleanups.push(
    () => outbox.close(),
    () => sms.close(),
  )
  const server: Server = createApiServer({ outbox, apiKeys: [KEY], log: () => {}, sms: { outbox: sms } })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, outbox }
}

const post = (base: string, path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
const email = { guide: 'cyber-crime-and-fraud', to: 'jo@example.com', area: 'derbyshire' }
const text = { guide: 'cyber-crime-and-fraud', to: '07700900123', area: 'derbyshire' }
const queued = async (outbox: Outbox) => (await outbox.queue.list({ limit: 100 })).length

describe('the lang field of the HTTP API', () => {
  it.each([
    ['/v1/advice-emails', email],
    ['/v1/advice-sms', text],
  ])('%s with lang "ur" queues the message in Urdu, and GET says so', async (path, body) => {
    const { base } = await start()
    const res = await post(base, path, { ...body, lang: 'ur' })
    expect(res.status).toBe(202)
    const state = await fetch(`${base}${res.headers.get('location')}`, { headers: auth })
    expect(await state.json()).toMatchObject({ lang: 'ur', status: 'queued' })
  })

  it.each([
    [
      '/v1/advice-emails',
      'xx',
      email,
      /^lang: "xx" is not a language Signpost publishes in\. Use one of: en \(English\), cy \(Welsh\), pl \(Polish\), ur \(Urdu\)\.$/,
    ],
    [
      '/v1/advice-sms',
      'UR-PK',
      text,
      /^lang: "UR-PK" is not a language Signpost publishes in\. Use one of: en \(English\), cy \(Welsh\), pl \(Polish\), ur \(Urdu\)\.$/,
    ],
    ['/v1/advice-emails', 7, email, /^lang must be a language code, as text, for example ur\.$/],
    ['/v1/advice-sms', ['ur'], text, /^lang must be a language code, as text, for example ur\.$/],
  ])('%s refuses lang %j with a 400 naming the field and the valid codes, and queues nothing', async (path, lang, body, message) => {
    const { base, outbox } = await start()
    const res = await post(base, path, { ...body, lang })
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: { field: string; message: string } }
    expect(json.error.field).toBe('lang')
    expect(json.error.message).toMatch(message)
    expect(await queued(outbox)).toBe(0)
  })

  it.each([['/v1/advice-emails', email] as const, ['/v1/advice-sms', text] as const])(
    '%s refuses a guide not translated into the language, naming the languages it has',
    async (path, body) => {
      const { base, outbox } = await start({ ...content, guides: content.guides.filter((g) => g.language !== 'pl') })
      const res = await post(base, path, { ...body, lang: 'pl' })
      expect(res.status).toBe(400)
      const json = (await res.json()) as { error: { field: string; message: string } }
      expect(json.error.field).toBe('lang')
      expect(json.error.message).toMatch(/not translated into Polish \(pl\); it exists in: en \(English\), cy \(Welsh\), ur \(Urdu\)\.$/)
      expect(await queued(outbox)).toBe(0)
    },
  )
})
