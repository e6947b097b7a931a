// The advice email in the language asked for, as a reader's mail program gets it: the real message through a real
// SMTP server (smtp-server on 127.0.0.1, parsed with mailparser), in Urdu from the embedded dataset: lang and dir on the
// HTML, the text part and the subject in Urdu, the Urdu leaflet attached, numbers kept left to right, and a retry (or
// a rendering made late by the worker) in the same language. Also the refusals that name the field and the choices.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { loadContent, phrasesFor, rules, viewGuide, type Content } from '@signpost/content'
import { renderLeaflet } from '@signpost/leaflets'
import { createRequire } from 'node:module'
import { launchChromium } from '@signpost/chromium'
import { simpleParser, type ParsedMail } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { LRI, PDI, RLM } from './bidi.js'
import { renderEmailSnapshot } from './emailSnapshot.js'
import { renderAdviceEmail } from './renderAdviceEmail.js'
import { AdviceEmailRequestError } from './request.js'
import { startSmtpServer, type TestSmtpOptions } from './test-support/smtpServer.js'
import { CLI, runCli } from './test-support/spawnCli.js'
import { tempOutbox } from './test-support/tempOutbox.js'
import { createTransportFromEnv } from './transport.js'
import { createWorker } from './worker.js'

const content = await loadContent()
const SLUG = 'cyber-crime-and-fraud'
const urdu = viewGuide(content, SLUG, 'derbyshire', 'ur')
const ur = phrasesFor(content, 'ur')
const en = phrasesFor(content, 'en')
const base = { guide: SLUG, to: 'jo@example.com', area: 'derbyshire', origin: 'api' as const }
const env = { EMAIL_FROM: 'Derbyshire Victim Services <advice@signpost.example>' }
const ARABIC_SCRIPT = /[\u0600-\u06ff]/

let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function setup(options: { content?: Content; server?: TestSmtpOptions } = {}) {
  const server = await startSmtpServer(options.server)
  cleanups.push(() => server.close())
  const t = await tempOutbox('content' in options ? options.content : content, { retry: { baseMs: 1000, capMs: 8000 } })
  cleanups.push(() => t.cleanup())
  const transport = createTransportFromEnv({ ...env, SMTP_URL: server.url }, { connectionTimeout: 2000 })
  cleanups.push(() => transport.close())
  const worker = createWorker({ outbox: t.outbox, transport, env, log: () => {}, loadContent: async () => content })
  return { server, t, worker }
}

/** The whole text of a PDF, as a screen reader or copy and paste gets it (pdfjs). */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    text += `${(await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`
  }
  await doc.destroy()
  return text
}

const words = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u200f\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

describe('the dataset has the guide in Urdu (the tests below read it)', () => {
  it('is a right-to-left translation with Urdu text', () => {
    expect(urdu.language).toMatchObject({ code: 'ur', tag: 'ur', dir: 'rtl' })
    expect(urdu.guide.title).toMatch(ARABIC_SCRIPT)
    expect(urdu.guide.sections.length).toBeGreaterThan(0)
    expect(ur.t('email.neutralSubject')).toMatch(ARABIC_SCRIPT)
  })
})

describe('an advice email in Urdu, through real SMTP', () => {
  it('has lang="ur" and dir="rtl" on the HTML and its wrapper, right-aligned inline styles, and says it is Urdu', async () => {
    const { server, t, worker } = await setup()
    const { id } = await t.outbox.enqueue({ ...base, lang: 'ur' })
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    const mail = server.messages[0] as ParsedMail
    const html = String(mail.html)
    expect(html).toMatch(/<html lang="ur" dir="rtl">/)
    expect(html).toMatch(/<div lang="ur" dir="rtl" style="[^"]*direction:rtl;text-align:right;/)
    expect(html).not.toContain('dir="ltr">\n<head>')
    // Lists indent from the right, the 999 notice's bar is on the right.
    expect(html).toMatch(/<ol style="[^"]*padding-right:\d+px;padding-left:0;/)
    expect(html).toMatch(/border-right:6px solid/)
    expect(mail.headers.get('content-language')).toBe('ur')
    expect((await t.outbox.get(id))?.lang).toBe('ur')
  })

  it('its text part is the Urdu guide from the dataset, with the Urdu fixed phrases and notices, not the English', async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, lang: 'ur' })
    await worker.runOnce()
    const mail = server.messages[0] as ParsedMail
    const text = words(mail.text ?? '')
    const english = viewGuide(content, SLUG, 'derbyshire')
    for (const part of [urdu.guide.title, urdu.guide.summary, ...urdu.guide.sections.map((s) => s.heading), ...urdu.steps.map((s) => s.text)])
      expect(text).toContain(words(part))
    for (const s of english.guide.sections) expect(text).not.toContain(s.heading)
    expect(text).not.toContain(english.guide.title)
    // Every fixed phrase from the Urdu catalogue (each one translated there, so none is the English).
    const fixed = ['common.whatToDoFirst', 'email.organisationsThatCanHelp', 'email.whySent', 'common.translationUnchecked', 'common.readInEnglish'] as const
    for (const key of fixed) {
      expect(ur.t(key), key).not.toBe(en.t(key))
      expect(text).toContain(words(ur.t(key)))
    }
    expect(text).toContain(words(ur.t('common.checked', { date: rules.readerDate(urdu.guide.reviewedAt, 'ur') })))
    expect(text).toContain(english.guide.url) // the English version offered beside the notice
    expect(text).toContain(urdu.guide.url)
    expect(urdu.guide.url).toMatch(/\/ur\/guides\/cyber-crime-and-fraud$/)
    expect(mail.subject).toBe(ur.t('email.subject', { title: urdu.guide.title }))
  })

  it('keeps phone numbers left to right inside the Urdu: dir="ltr" links in HTML, Unicode isolates in plain text', async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, lang: 'ur' })
    await worker.runOnce()
    const mail = server.messages[0] as ParsedMail
    for (const number of ['0800 612 6505', '0300 123 2040']) {
      expect(String(mail.html)).toMatch(new RegExp(`<a href="tel:[^"]+" dir="ltr" style="[^"]*">${number}</a>`))
      expect(mail.text).toContain(`${LRI}${number}${PDI}`)
    }
    // Every line of the plain text is right to left, even one that starts with an organisation's name.
    const lines = (mail.text ?? '').split(/\r?\n/).filter((l) => l !== '')
    expect(lines.some((l) => l.startsWith(`${RLM}Derbyshire Victim Services`))).toBe(true)
    expect(lines.filter((l) => !l.startsWith(RLM))).toEqual([])
    // An English email has none of this: its numbers need no isolating.
    await t.outbox.enqueue({ ...base, to: 'en@example.com' })
    await worker.runOnce()
    const english = server.messages[1] as ParsedMail
    expect(english.text).not.toContain(LRI)
    expect(english.text).not.toContain(RLM)
    expect(String(english.html)).toMatch(/<html lang="en-GB" dir="ltr">/)
  })

  it('a neutral Urdu email has the neutral subject and sender name in Urdu, from the catalogue', async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, lang: 'ur', neutral: true })
    await worker.runOnce()
    const mail = server.messages[0] as ParsedMail
    expect(mail.subject).toBe(ur.t('email.neutralSubject'))
    expect(mail.subject).toMatch(ARABIC_SCRIPT)
    expect(mail.subject).not.toBe(en.t('email.neutralSubject'))
    expect(mail.from?.value[0]).toEqual({ name: ur.t('email.neutralSenderName'), address: 'advice@signpost.example' })
    expect(words(mail.text ?? '').startsWith(words(ur.t('email.opening')))).toBe(true)
  })

  it("attaches the Urdu leaflet: its /Lang is ur and its text is the Urdu leaflet's, not the English one's", async () => {
    const { server, t, worker } = await setup()
    await t.outbox.enqueue({ ...base, lang: 'ur', attachLeaflet: true })
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    const [pdf] = (server.messages[0] as ParsedMail).attachments
    expect(pdf?.contentType).toBe('application/pdf')
    expect(pdf?.filename).toBe('cyber-crime-and-fraud-ur.pdf')
    expect(pdf!.content.toString('latin1')).toMatch(/\/Lang \(ur\)/)
    const text = await pdfText(pdf!.content)
    expect(text).toBe(await pdfText(await renderLeaflet(urdu, { format: 'standard' })))
    expect(text).not.toBe(await pdfText(await renderLeaflet(viewGuide(content, SLUG, 'derbyshire'), { format: 'standard' })))
    expect(text).toMatch(ARABIC_SCRIPT)
    expect(text).toContain('0800 612 6505')
  })
})

describe('a retry renders the same language', () => {
  it('a message queued without content (as the site queues it) is rendered by the worker in the language recorded with it, on every attempt', async () => {
    let attempts = 0
    const { server, t, worker } = await setup({
      content: undefined,
      server: { onData: () => (++attempts === 1 ? { code: 451, message: '4.7.1 Try again later' } : undefined) },
    })
    const { id } = await t.outbox.enqueue({ ...base, lang: 'ur', origin: 'web' })
    expect((await t.outbox.get(id))?.lang).toBe('ur')
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 })
    t.clock.advance(1000)
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    const mail = server.messages[0] as ParsedMail
    expect(String(mail.html)).toMatch(/<html lang="ur" dir="rtl">/)
    expect(mail.subject).toBe(ur.t('email.subject', { title: urdu.guide.title }))
  })

  it('a failed Urdu message put back with retry is sent in Urdu, from the rendering stored when it was queued', async () => {
    let refuse = true
    const { server, t, worker } = await setup({ server: { onRcpt: () => (refuse ? { code: 550, message: '5.2.2 Mailbox full' } : undefined) } })
    const { id } = await t.outbox.enqueue({ ...base, lang: 'ur' })
    expect(await worker.runOnce()).toMatchObject({ failed: 1 })
    refuse = false
    await t.outbox.retry(id)
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    const mail = server.messages[0] as ParsedMail
    const stored = renderEmailSnapshot(content, { guide: SLUG, area: 'derbyshire', lang: 'ur' })
    expect(mail.subject).toBe(stored.subject)
    expect(String(mail.html).replace(/\r\n/g, '\n')).toBe(stored.html)
    expect(String(mail.html)).toMatch(/<html lang="ur" dir="rtl">/)
    expect(words(mail.text ?? '')).toContain(words(urdu.guide.summary))
  })
})

describe('the language asked for is checked, naming the field', () => {
  it('refuses a language Signpost does not publish in, listing the valid codes, and queues nothing', async () => {
    const t = await tempOutbox(content)
    cleanups.push(() => t.cleanup())
    const refused = await Promise.resolve()
      .then(() => t.outbox.enqueue({ ...base, lang: 'xx' }))
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AdviceEmailRequestError)
    expect(refused).toMatchObject({ field: 'lang' })
    expect((refused as Error).message).toBe('lang: "xx" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).')
    expect(await t.outbox.list()).toEqual([])
  })

  it('refuses a guide that is not translated into the language, naming the languages it has', async () => {
    const withoutUrdu: Content = { ...content, guides: content.guides.filter((g) => g.language !== 'ur') }
    const t = await tempOutbox(withoutUrdu)
    cleanups.push(() => t.cleanup())
    const refused = await Promise.resolve()
      .then(() => t.outbox.enqueue({ ...base, lang: 'ur' }))
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ field: 'lang' })
    expect((refused as Error).message).toMatch(/^lang: .*not translated into Urdu \(ur\); it exists in: en \(English\), cy \(Welsh\), pl \(Polish\)\.$/)
  })
})

describe('npm run email -- send --lang ur', () => {
  it('writes an Urdu email as an .eml file (no SMTP_URL): lang and dir on the HTML, its text part and subject in Urdu', async () => {
    if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
    const dir = mkdtempSync(join(tmpdir(), 'signpost-email-cli-lang-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const env = { EMAIL_DB: join(dir, 'outbox.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'mail'), SMTP_URL: '' }
    const r = await runCli(['send', '--guide', SLUG, '--lang', 'ur', '--to', 'someone@example.com', '--neutral'], env)
    expect(r.code, r.stderr).toBe(0)
    const path = /Sent: wrote (\S+\.eml)/.exec(r.stdout)?.[1] ?? ''
    const mail = await simpleParser(readFileSync(path))
    expect(String(mail.html)).toMatch(/<html lang="ur" dir="rtl">/)
    expect(mail.subject).toBe(ur.t('email.neutralSubject'))
    expect(words(mail.text ?? '')).toContain(words(urdu.guide.summary))
    const status = await runCli(['status', '--json'], env)
    expect(JSON.parse(status.stdout).messages[0]).toMatchObject({ lang: 'ur', status: 'sent' })
  })

  it('refuses --lang xx with exit 2, naming lang and the valid codes, and queues nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-email-cli-lang-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const env = { EMAIL_DB: join(dir, 'outbox.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'mail'), SMTP_URL: '' }
    const r = await runCli(['send', '--guide', SLUG, '--lang', 'xx', '--to', 'someone@example.com'], env)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Error: lang: "xx" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).')
    const status = await runCli(['status', '--json'], env)
    expect(JSON.parse(status.stdout).messages).toEqual([])
  })
})

describe('words from a translation are text, never markup', () => {
  it('escapes markup in translated phrases and keeps the links the email itself makes', () => {
    const hostile = phrasesFor(
      {
        phraseCatalogues: [
          {
            id: 'phraseCatalogue.ur',
            language: 'ur',
            phrases: { 'email.readOnline': '<img src=x onerror=alert(1)> آن لائن: {url}', 'common.whatToDoFirst': '<script>alert(1)</script> پہلے' },
          },
        ],
      },
      'ur',
    )
    const { html, text } = renderAdviceEmail({ ...urdu, phrases: hostile })
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; پہلے')
    expect(html).toContain(`&lt;img src=x onerror=alert(1)&gt; آن لائن: <a href="${urdu.guide.url}" dir="ltr"`)
    expect(text).toContain('<script>alert(1)</script> پہلے') // plain text is shown as text by every mail program
  })
})

describe('the Urdu email in Chromium', () => {
  it('reads right to left with every phone number in its own order, passes axe and does not overflow at 320 px', async () => {
    const browser = await launchChromium({ javaScriptEnabled: true })
    cleanups.push(() => browser.close())
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 320, height: 640 })
    /** For each tel: link, whether its first digit group is drawn left of its last one (as it must be read). */
    const numberOrder = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('a[href^="tel:"]')).map((a) => {
          const node = a.firstChild as Text
          const text = node.data
          const at = (from: number, to: number) => {
            const r = document.createRange()
            r.setStart(node, from)
            r.setEnd(node, to)
            return r.getBoundingClientRect().left
          }
          const firstEnd = text.indexOf(' ')
          const lastStart = text.lastIndexOf(' ') + 1
          return { text, inOrder: at(0, firstEnd) < at(lastStart, text.length) }
        }),
      )
    const { html } = renderAdviceEmail(urdu)
    await page.setContent(html, { waitUntil: 'load' })
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl')
    const order = await numberOrder()
    expect(order.map((o) => o.text)).toEqual(expect.arrayContaining(['0800 612 6505', '0300 123 2040']))
    expect(order.filter((o) => !o.inOrder)).toEqual([])
    // The check can fail: without dir="ltr" the same numbers come out backwards inside the Urdu.
    await page.setContent(html.replaceAll(' dir="ltr" style=', ' style='), { waitUntil: 'load' })
    expect((await numberOrder()).filter((o) => !o.inOrder).length).toBeGreaterThan(0)
    await page.setContent(html, { waitUntil: 'load' })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') })
    const violations = await page.evaluate(async () => {
      type AxeResult = { violations: { id: string; nodes: unknown[] }[] }
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`)
    })
    expect(violations).toEqual([])
  })
})
