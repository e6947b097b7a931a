// Delivery over real SMTP (smtp-server on 127.0.0.1, parsed with mailparser): content, outages, 4xx/5xx, idempotency.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { loadContent, rules, viewGuide } from '@signpost/content'
import { afterEach, describe, expect, it } from 'vitest'
import { NEUTRAL_SENDER_NAME, NEUTRAL_SUBJECT } from './renderAdviceEmail.js'
import { freePort, startSmtpServer } from './test-support/smtpServer.js'
import { tempOutbox, type TempOutbox } from './test-support/tempOutbox.js'
import { createTransportFromEnv, type MailTransport } from './transport.js'
import { createWorker } from './worker.js'

const content = await loadContent()
const base = { guide: 'cyber-crime-and-fraud', to: 'jo@example.com', origin: 'api' as const }
const env = { EMAIL_FROM: 'Derbyshire Signpost <advice@signpost.example>' }

let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function setup(
  options: { server?: Parameters<typeof startSmtpServer>[0]; port?: number; retry?: { baseMs: number; capMs: number; maxAttempts?: number } } = {},
) {
  const server = options.port === undefined ? await startSmtpServer(options.server) : undefined
  if (server) cleanups.push(() => server.close())
  const port = server?.port ?? options.port!
  const t: TempOutbox = await tempOutbox(content, { retry: options.retry ?? { baseMs: 1000, capMs: 8000 } })
  cleanups.push(() => t.cleanup())
  const transport: MailTransport = createTransportFromEnv({ ...env, SMTP_URL: `smtp://127.0.0.1:${port}` }, { connectionTimeout: 2000 })
  cleanups.push(() => transport.close())
  const worker = createWorker({ outbox: t.outbox, transport, env, log: () => {} })
  return { server, port, t, transport, worker }
}

describe('delivery over real SMTP', () => {
  it('sends HTML and plain text alternatives with every heading and phone number, and the stored Message-ID', async () => {
    const { server, t, worker } = await setup()
    const id = (await t.outbox.enqueue({ ...base, name: 'Jo Bloggs' })).id
    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    const m = (await t.outbox.get(id))!
    expect(m.status).toBe('sent')
    expect(m.deliveredTo).toBe(`smtp 127.0.0.1:${server!.port}`)
    const mail = server!.messages[0]!
    expect(mail.messageId).toBe(m.messageId)
    expect(mail.subject).toBe('Cyber Crime and Fraud: advice and who can help')
    // The service's own name from site settings, before the address from EMAIL_FROM; the revision only in a header.
    expect(mail.from?.value[0]).toEqual({ name: content.settings.identity.name, address: 'advice@signpost.example' })
    expect(content.settings.identity.name).not.toMatch(/signpost/i)
    expect(mail.headers.get('x-content-revision')).toBe(content.guides[0]!.revision.slice(0, 12))
    expect(mail.text).toContain(`Checked ${rules.readerDate(content.guides[0]!.reviewedAt)}`)
    expect(mail.text).not.toMatch(/revision|\d{4}-\d{2}-\d{2}/)
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined).toEqual({ name: 'Jo Bloggs', address: 'jo@example.com' })
    expect(typeof mail.html).toBe('string')
    for (const s of content.guides[0]!.sections) {
      expect(mail.text).toContain(s.heading)
      expect(mail.html).toContain(s.heading)
    }
    for (const phone of ['0800 612 6505', '0300 123 2040', 'Text DVS to 82228']) {
      expect(mail.text).toContain(phone)
      expect(mail.html).toContain(phone)
    }
    expect(mail.attachments).toEqual([])
  })

  it('uses the neutral subject and sender name when asked', async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, neutral: true })
    await worker.runOnce()
    const mail = server!.messages[0]!
    expect(mail.subject).toBe(NEUTRAL_SUBJECT)
    expect(mail.from?.value[0]).toEqual({ name: NEUTRAL_SENDER_NAME, address: 'advice@signpost.example' })
    expect(mail.text).toContain('0800 612 6505')
  })

  it('a neutral message shows a bystander nothing of its subject: sender, subject, inbox preview, attachment name, PDF title', async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, neutral: true, attachLeaflet: true })
    await worker.runOnce()
    const mail = server!.messages[0]!
    const view = viewGuide(content, base.guide)
    // Words that would tell a bystander what this is about: the guide, the service, the area, and the obvious ones.
    const telling = [view.guide.title, content.settings.identity.name, view.area.name, 'victim police scam abuse crime fraud violence']
      .flatMap((s) => s.split(/[^\p{L}]+/u))
      .filter((w) => w.length > 3)
    const tellsOf = (s: string) => telling.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(s))
    expect(mail.subject).toBe(NEUTRAL_SUBJECT)
    expect(mail.from?.value[0]).toEqual({ name: NEUTRAL_SENDER_NAME, address: 'advice@signpost.example' })
    // The inbox preview: the first 150 characters a mail program shows of either alternative.
    const htmlText = String(mail.html)
      .replace(/<head>[^]*<\/head>/i, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
      .replace(/\s+/g, ' ')
      .trim()
    for (const preview of [mail.text!.replace(/\s+/g, ' ').trim().slice(0, 150), htmlText.slice(0, 150)]) {
      expect(preview.length).toBe(150)
      expect(tellsOf(preview), preview).toEqual([])
    }
    const [pdf] = mail.attachments
    expect(pdf?.filename).toBe('information.pdf')
    expect(pdf?.contentType).toBe('application/pdf')
    const doc = await getDocument({ data: new Uint8Array(pdf!.content), useSystemFonts: false }).promise
    const info = Object.fromEntries(Object.entries((await doc.getMetadata()).info) as [string, unknown][])
    await doc.destroy()
    expect(info.Title).toBe('Information')
    for (const field of ['Title', 'Subject', 'Keywords', 'Author']) expect(tellsOf(String(info[field] ?? '')), field).toEqual([])
    // The same guide sent plainly does carry its title, so the check above can tell.
    expect(tellsOf(`${view.guide.title}`).length).toBeGreaterThan(0)
  })

  it('attaches the leaflet as a valid PDF when asked', async () => {
    const { server, t, worker } = await setup()
    const id = (await t.outbox.enqueue({ ...base, attachLeaflet: true })).id
    await worker.runOnce()
    expect(await t.outbox.get(id)).toMatchObject({ status: 'sent' })
    const [pdf] = server!.messages[0]!.attachments
    expect(pdf?.contentType).toBe('application/pdf')
    expect(pdf?.filename).toBe('cyber-crime-and-fraud.pdf')
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const doc = await getDocument({ data: new Uint8Array(pdf!.content), useSystemFonts: false }).promise
    expect(doc.numPages).toBeGreaterThanOrEqual(1)
    const page = await doc.getPage(1)
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ')
    expect(text.replace(/\s+/g, ' ')).toContain('0800 612 6505')
    await doc.destroy()
  })

  it('keeps requests while SMTP is down and delivers each exactly once when it is back', async () => {
    const port = await freePort()
    const { t, worker } = await setup({ port })
    const ids = await Promise.all([0, 1, 2].map(async (i) => (await t.outbox.enqueue({ ...base, to: `p${i}@example.com` })).id))
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 3, failed: 0 })
    for (const id of ids) expect((await t.outbox.get(id))!.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i)
    const server = await startSmtpServer({ port })
    cleanups.push(() => server.close())
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 }) // not due yet: back-off
    t.clock.advance(1000)
    expect(await worker.runOnce()).toEqual({ sent: 3, retrying: 0, failed: 0 })
    t.clock.advance(60_000)
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(server.accepted()).toBe(3)
    const messageIds = await Promise.all(ids.map(async (id) => (await t.outbox.get(id))!.messageId))
    expect(server.messages.map((m) => m.messageId).sort()).toEqual(messageIds.sort())
  })

  it('retries 421 and 451 replies, and fails a 550 at once with the reply recorded', async () => {
    const seen = new Map<string, number>()
    const { server, t, worker } = await setup({
      server: {
        onRcpt(address) {
          const n = (seen.get(address) ?? 0) + 1
          seen.set(address, n)
          if (address.startsWith('gone')) return { code: 550, message: '5.1.1 No such mailbox here' }
          if (address.startsWith('busy') && n === 1) return { code: 451, message: '4.7.1 Greylisted, try again later' }
          return undefined
        },
        onData(raw) {
          const to = /^To: (.*)$/m.exec(raw.toString())?.[1] ?? ''
          const n = (seen.get(`data:${to}`) ?? 0) + 1
          seen.set(`data:${to}`, n)
          if (to.startsWith('full') && n === 1) return { code: 421, message: '4.3.2 Service shutting down, try later' }
          return undefined
        },
      },
    })
    const busy = (await t.outbox.enqueue({ ...base, to: 'busy@example.com' })).id
    const full = (await t.outbox.enqueue({ ...base, to: 'full@example.com' })).id
    const gone = (await t.outbox.enqueue({ ...base, to: 'gone@example.com' })).id
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 2, failed: 1 })
    expect(await t.outbox.get(busy)).toMatchObject({ status: 'retrying', lastResponseCode: 451 })
    expect(await t.outbox.get(full)).toMatchObject({ status: 'retrying', lastResponseCode: 421 })
    expect(await t.outbox.get(gone)).toMatchObject({ status: 'failed', lastResponseCode: 550, attempts: 1 })
    expect((await t.outbox.get(gone))!.lastError).toContain('No such mailbox here')
    t.clock.advance(1000)
    expect(await worker.runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 })
    expect(await t.outbox.get(busy)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(await t.outbox.get(full)).toMatchObject({ status: 'sent', attempts: 2 })
    t.clock.advance(60_000)
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect((await t.outbox.get(gone))!.status).toBe('failed')
    expect(server!.messages.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort()).toEqual(['busy@example.com', 'full@example.com'])
  })

  it('sends one message for a reused idempotency key', async () => {
    const { server, t, worker } = await setup()
    const a = await t.outbox.enqueue({ ...base, idempotencyKey: 'crm-42' })
    await worker.runOnce()
    const b = await t.outbox.enqueue({ ...base, idempotencyKey: 'crm-42' })
    await worker.runOnce()
    expect(b).toEqual({ id: a.id, created: false })
    expect(server!.accepted()).toBe(1)
  })

  it('renders at delivery a request queued without content, and stops cleanly', async () => {
    const server = await startSmtpServer()
    cleanups.push(() => server.close())
    const t = await tempOutbox(undefined)
    cleanups.push(() => t.cleanup())
    const transport = createTransportFromEnv({ SMTP_URL: server.url })
    cleanups.push(() => transport.close())
    await t.outbox.enqueue({ ...base, origin: 'web' })
    const worker = createWorker({ outbox: t.outbox, transport, env: {}, log: () => {}, pollMs: 20, loadContent: async () => content })
    const running = worker.run()
    while (server.messages.length === 0) await new Promise((r) => setTimeout(r, 20))
    await worker.stop()
    await running
    expect(server.messages[0]!.text).toContain('0800 612 6505')
  })
})
