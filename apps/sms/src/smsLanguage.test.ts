// The advice text in Urdu from the embedded dataset, as Notify counts and a phone shows it: sent as UCS-2 (70
// characters for one text, 67 per part when it takes more), the fixed words from the Urdu catalogue, names and numbers
// from the organisation, each number kept left to right; through the CLI (--lang) into var/sms, and refusals that name
// the field and the choices.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent, phrasesFor, rules, viewGuide, type Content } from '@signpost/content'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createQueueWorker } from '@signpost/outbox'
import { createSmsChannel } from './channel.js'
import { renderAdviceSms } from './renderAdviceSms.js'
import { validateSmsRequest } from './request.js'
import { openSmsOutbox } from './smsOutbox.js'
import { fileSmsTransport, readSmsFile } from './transport.js'
import { runCli, SMS_CLI } from './test-support/spawnCli.js'

const content = await loadContent()
const SLUG = 'cyber-crime-and-fraud'
const urdu = viewGuide(content, SLUG, 'derbyshire', 'ur')
const ur = phrasesFor(content, 'ur')
const LRI = '\u2066'
const PDI = '\u2069'

/** Parts as a network splits a UCS-2 message: one of 70, else parts of 67 (the rest is the concatenation header). */
const ucs2Parts = (units: number) => (units <= 70 ? 1 : Math.ceil(units / 67))

describe('an advice text in Urdu', () => {
  const { body, length } = renderAdviceSms(urdu)

  it('is counted as UCS-2: every UTF-16 unit, 70 for one text, 67 per part after', () => {
    expect(length.encoding).toBe('UCS-2')
    expect(length.characters).toBe(body.length)
    expect(length.texts).toBe(ucs2Parts(body.length))
    expect(rules.describeSmsLength(length)).toMatch(/sent as Unicode because of/)
    // The boundaries, in Urdu: 70 is one text, 71 two, 134 two, 135 three.
    const u = (n: number) => 'ب'.repeat(n)
    expect([70, 71, 134, 135, 201, 202].map((n) => rules.smsLength(u(n)).texts)).toEqual([1, 2, 2, 3, 3, 4])
  })

  it('takes as few texts as its essentials allow, keeping the local service and its number, the report number and the Urdu guide address', () => {
    // Two UCS-2 texts are 134 characters: the service, the report line and the address alone take more, so Urdu may take
    // a third, with everything that can be left out left out (the 999 line first).
    expect(length.texts).toBeLessThanOrEqual(3)
    if (length.texts > 2) expect(body).not.toContain(ur.t('sms.emergency'))
    expect(body).toContain('Derbyshire Victim Services')
    expect(body).toContain(`${LRI}0800 612 6505${PDI}`)
    expect(body).toContain(`${LRI}0300 123 2040${PDI}`)
    expect(body).toContain(`${LRI}${urdu.guide.url}${PDI}`)
    expect(urdu.guide.url).toMatch(/\/ur\/guides\/cyber-crime-and-fraud$/)
  })

  it('says it in Urdu: the catalogue phrases, not the English ones', () => {
    const report = urdu.organisations.find((o) => o.kind === 'reportingCentre')
    expect(report).toBeDefined()
    expect(body).toContain(ur.t('sms.reportTo', { name: `${LRI}${report!.name}${PDI}`, number: `${LRI}0300 123 2040${PDI}` }))
    expect(ur.t('sms.reportTo', { name: 'x', number: 'y' })).not.toContain('Report to')
    expect(body).not.toMatch(/\b(call|Report to|In an emergency)\b/)
    const english = renderAdviceSms(viewGuide(content, SLUG, 'derbyshire'))
    expect(english.length.encoding).toBe('GSM-7')
    expect(english.body).not.toContain(LRI)
  })

  it('the neutral form in Urdu names no service and no guide, and keeps the numbers', () => {
    const neutral = renderAdviceSms(urdu, { neutral: true })
    expect(neutral.body).toContain(`${LRI}0800 612 6505${PDI}`)
    expect(neutral.body).toContain(`${LRI}0300 123 2040${PDI}`)
    expect(neutral.body).not.toContain('Derbyshire')
    expect(neutral.body).not.toContain(urdu.guide.title)
    expect(neutral.length.texts).toBeLessThanOrEqual(2)
  })
})

describe('a title in letters outside GSM-7', () => {
  it('is left out when it alone would make the text Unicode (ę, ś, ć): GSM-7 in 2 texts, every other line kept', () => {
    const english = viewGuide(content, SLUG, 'derbyshire')
    const title = viewGuide(content, SLUG, 'derbyshire', 'pl').guide.title
    expect(rules.smsLength(title).encoding).toBe('UCS-2')
    const { body, length } = renderAdviceSms({ ...english, guide: { ...english.guide, title } })
    expect(length).toMatchObject({ encoding: 'GSM-7', texts: 2 })
    expect(body).not.toContain(title)
    expect(body.split('\n')).toContain(english.guide.url)
    expect(body.split('\n')).toHaveLength(renderAdviceSms(english).body.split('\n').length)
  })
})

describe('the language of a text request', () => {
  it('is recorded with the queued text, so a rendering made later by the worker is in the same language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-sms-lang-'))
    // No content when queued (nothing rendered yet): the worker renders it at delivery, from what the message records.
    const outbox = await openSmsOutbox({ path: join(dir, 'outbox.sqlite'), env: {} })
    try {
      const { id } = await outbox.enqueue({ guide: SLUG, to: '07700900123', lang: 'ur', origin: 'api' })
      expect(await outbox.get(id)).toMatchObject({ lang: 'ur' })
      const sms = createSmsChannel({ transport: fileSmsTransport(join(dir, 'sms')), content: async () => content })
      await createQueueWorker({ queue: outbox.queue, channels: { sms }, log: () => {} }).deliver(id)
      const sent = await outbox.get(id)
      expect(sent).toMatchObject({ status: 'sent' })
      expect(readSmsFile(sent?.deliveredTo ?? '').body).toBe(renderAdviceSms(urdu).body)
    } finally {
      await outbox.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    [{ lang: 'xx' }, /^lang: "xx" is not a language Signpost publishes in\. Use one of: en \(English\), cy \(Welsh\), pl \(Polish\), ur \(Urdu\)\.$/],
    [{ lang: 7 }, /^lang must be a language code/],
  ])('refuses %j naming the field lang', (extra, message) => {
    expect(() => validateSmsRequest({ guide: SLUG, to: '07700900123', origin: 'api', ...extra }, content)).toThrow(message)
  })

  it('refuses a guide not translated into the language, naming the languages it has', () => {
    const withoutUrdu: Content = { ...content, guides: content.guides.filter((g) => g.language !== 'ur') }
    expect(() => validateSmsRequest({ guide: SLUG, to: '07700900123', lang: 'ur', origin: 'api' }, withoutUrdu)).toThrow(
      /^lang: .*not translated into Urdu \(ur\); it exists in: en \(English\), cy \(Welsh\), pl \(Polish\)\.$/,
    )
  })
})

describe('npm run sms -- send --lang ur', () => {
  let dir: string
  beforeAll(() => {
    if (!existsSync(SMS_CLI)) throw new Error(`Build the sms app first (npm run build): ${SMS_CLI} is missing.`)
    dir = mkdtempSync(join(tmpdir(), 'signpost-sms-cli-lang-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the Urdu text and says how Notify counts it (Unicode, parts of 67)', async () => {
    const env = { EMAIL_DB: join(dir, 'outbox.sqlite'), SMS_OUTBOX_DIR: join(dir, 'sms'), NOTIFY_API_KEY: '' }
    const r = await runCli(SMS_CLI, ['send', '--guide', SLUG, '--to', '07700900123', '--lang', 'ur'], env)
    expect(r.code, r.stderr).toBe(0)
    const [file] = readdirSync(join(dir, 'sms'))
    const text = readSmsFile(join(dir, 'sms', file ?? ''))
    expect(text.body).toBe(renderAdviceSms(urdu).body)
    const length = rules.smsLength(text.body)
    expect(r.stdout).toContain(`(${length.characters} characters, ${length.texts} text${length.texts === 1 ? '' : 's'} (sent as Unicode`)
    const status = await runCli(SMS_CLI, ['status', JSON.parse((await runCli(SMS_CLI, ['status', '--json'], env)).stdout).texts[0].id], env)
    expect(status.stdout).toMatch(/language: {4}ur/)
  })
})
