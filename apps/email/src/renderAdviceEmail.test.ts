// The advice email itself: every heading and number in both alternatives, neutral subject, escaping, axe in Chromium.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { launchChromium, type Browser } from '@signpost/chromium'
import { loadContent, rules, viewGuide, type GuideView } from '@signpost/content'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEUTRAL_SENDER_NAME, NEUTRAL_SUBJECT, renderAdviceEmail } from './renderAdviceEmail.js'

const content = await loadContent()
const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire')
const email = renderAdviceEmail(view)

const phones = view.organisations.flatMap((o) => o.contactPoints.flatMap((c) => (c.kind === 'phone' ? [c] : [])))
const websites = view.organisations.flatMap((o) => o.contactPoints.flatMap((c) => (c.kind === 'website' ? [c] : [])))

describe('renderAdviceEmail', () => {
  it('carries every section heading and phone number in both HTML and plain text', () => {
    expect(view.guide.sections.length).toBeGreaterThan(3)
    for (const s of view.guide.sections) {
      expect(email.html).toContain(`>${s.heading.replace(/’/g, '’')}</h2>`)
      expect(email.text).toContain(s.heading)
    }
    expect(phones.map((p) => p.display)).toEqual(expect.arrayContaining(['0800 612 6505', '0300 123 2040']))
    for (const p of phones) {
      expect(email.text).toContain(p.display)
      expect(email.html).toContain(`href="${p.href}"`)
      expect(email.html).toContain(`>${p.display}</a>`)
    }
  })

  it('writes out the text instruction, every website and the guide address in the plain text', () => {
    expect(email.text).toContain('Text DVS to 82228')
    for (const w of websites) expect(email.text).toContain(w.url)
    expect(email.text).toContain(view.guide.url)
    expect(email.text).toContain(view.settings.emergencyNotice)
    expect(email.text).not.toMatch(/<[a-z]/i)
  })

  it('has a plain subject by default and a neutral one when asked, with nothing alarming in it', () => {
    expect(email.subject).toContain('Cyber Crime and Fraud')
    const neutral = renderAdviceEmail(view, { neutral: true })
    expect(neutral.subject).toBe(NEUTRAL_SUBJECT)
    expect(neutral.subject).not.toMatch(/fraud|crime|victim|police|abuse|scam|danger/i)
    expect(neutral.html).toContain(`<title>${NEUTRAL_SUBJECT}</title>`)
    // What an inbox preview shows: the start of the body.
    const bodyText = neutral.html
      .replace(/^[^]*<body[^>]*>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    for (const preview of [neutral.text.slice(0, 100), bodyText.slice(0, 100)]) expect(preview).not.toMatch(/fraud|crime|victim|police|abuse|scam|danger/i)
    expect(email.text.slice(0, 100)).toMatch(/Cyber Crime and Fraud/)
  })

  it('sets the language, uses inline styles only and nothing remote', () => {
    expect(email.html).toMatch(/<html lang="en-GB"/)
    expect(email.html).not.toMatch(/<(img|link|script|style|iframe|object|embed|video|audio|source)\b/i)
    expect(email.html).not.toMatch(/url\(|@import|background=/i)
    expect(email.html).not.toMatch(/\ssrc=/i)
  })

  it('escapes content and keeps unsafe links as plain text', () => {
    const evil: GuideView = {
      ...view,
      guide: {
        ...view.guide,
        title: 'Fraud <script>alert(1)</script>',
        sections: [
          {
            key: 'x',
            heading: 'A & B <b>',
            body: [
              {
                _type: 'block',
                _key: 'b',
                style: 'normal',
                markDefs: [
                  { _type: 'link', _key: 'bad', href: 'javascript:alert(1)' },
                  { _type: 'link', _key: 'good', href: 'https://www.example.org/help' },
                ],
                children: [
                  { _type: 'span', _key: 's1', text: 'click me', marks: ['bad'] },
                  { _type: 'span', _key: 's2', text: ' or ', marks: [] },
                  { _type: 'span', _key: 's3', text: 'get help', marks: ['good'] },
                ],
              },
            ],
          },
        ],
      },
    }
    const r = renderAdviceEmail(evil)
    expect(r.html).not.toContain('<script>')
    expect(r.html).toContain('Fraud &lt;script&gt;')
    expect(r.html).toContain('A &amp; B &lt;b&gt;')
    expect(r.html).not.toContain('javascript:')
    expect(r.html).toContain('click me')
    expect(r.html).toMatch(/<a href="https:\/\/www\.example\.org\/help"[^>]*>get help<\/a>/)
    expect(r.text).toContain('get help (https://www.example.org/help)')
    expect(r.text).not.toContain('javascript:')
  })
})

// A paragraph as the content package marks it: each number in running text carries a tel: or sms: link annotation.
function numbersInRunningText(prefix: string): unknown[] {
  return [
    {
      _type: 'block',
      _key: 'n',
      style: 'normal',
      markDefs: [
        { _type: 'link', _key: 'auto-tel', href: 'tel:+443001232040' },
        { _type: 'link', _key: 'auto-sms', href: 'sms:82228?body=DVS' },
      ],
      children: [
        { _type: 'span', _key: 'a', text: `${prefix} contact Action Fraud on `, marks: [] },
        { _type: 'span', _key: 'b', text: '0300 123 2040', marks: ['auto-tel'] },
        { _type: 'span', _key: 'c', text: ' or ', marks: [] },
        { _type: 'span', _key: 'd', text: 'text DVS to 82228', marks: ['auto-sms'] },
        { _type: 'span', _key: 'e', text: ' today.', marks: [] },
      ],
    },
  ]
}

function withBody(body: unknown[]): GuideView {
  return { ...view, guide: { ...view.guide, sections: [{ key: 'n', heading: 'Numbers', body: body as GuideView['guide']['sections'][number]['body'] }] } }
}

describe('the service, the date and numbers in running text', () => {
  it('heads the sheet with the service name from site settings and gives it as the sender name; a neutral one shows neither', () => {
    const { name, funderLine } = view.settings.identity
    expect(email.senderName).toBe(name)
    expect(email.text.startsWith(`${name}\n`)).toBe(true)
    expect(email.html).toMatch(new RegExp(`<body[^>]*>\\s*<div[^>]*>\\s*<p[^>]*>${name}</p>`))
    if (funderLine) expect(email.text).toContain(funderLine)
    const neutral = renderAdviceEmail(view, { neutral: true })
    expect(neutral.senderName).toBe(NEUTRAL_SENDER_NAME)
    expect(neutral.html).not.toContain(`>${name}</p>`)
    if (funderLine) expect(neutral.text).not.toContain(funderLine)
  })

  it('tells readers the date it was checked in words, with no ISO date or revision', () => {
    const line = `Checked ${rules.readerDate(view.guide.reviewedAt, view.guide.language)}`
    expect(line).toMatch(/^Checked \d{1,2} [A-Z][a-z]+ \d{4}$/)
    for (const body of [email.text, email.html]) {
      expect(body).toContain(line)
      expect(body).not.toContain(view.guide.reviewedAt)
      expect(body).not.toMatch(/revision/i)
    }
  })

  it('links tel: and sms: numbers in running text, kept on one line, and writes them once in plain text', () => {
    const r = renderAdviceEmail(withBody(numbersInRunningText('Please')))
    expect(r.html).toMatch(/<a href="tel:\+443001232040" style="[^"]*white-space:nowrap;[^"]*">0300 123 2040<\/a>/)
    expect(r.html).toMatch(/<a href="sms:82228\?body=DVS" style="[^"]*white-space:nowrap;[^"]*">text DVS to 82228<\/a>/)
    expect(r.text).toContain('Please contact Action Fraud on 0300 123 2040 or text DVS to 82228 today.')
  })
})

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; help: string; nodes: unknown[] }[]; passes: unknown[] }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
    if (r.passes.length === 0) return ['axe checked nothing']
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
  })
}

describe('advice email in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium({ javaScriptEnabled: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('has no axe (WCAG 2.2 A/AA) violations, loads nothing remote and does not overflow at 320 px', async () => {
    const page = await browser.context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.setViewportSize({ width: 320, height: 640 })
    for (const neutral of [false, true]) {
      await page.setContent(renderAdviceEmail(view, { neutral }).html, { waitUntil: 'load' })
      const remote = await page.evaluate(() => {
        const found: string[] = []
        for (const el of Array.from(document.querySelectorAll('img, script, link, iframe, object, embed, video, audio, source, style')))
          found.push(el.outerHTML.slice(0, 80))
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('[style]')))
          if (/url\(/i.test(el.getAttribute('style') ?? '')) found.push(el.outerHTML.slice(0, 80))
        return found
      })
      expect(remote).toEqual([])
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client)
      const fontSizes = await page.evaluate(() =>
        Array.from(document.querySelectorAll('p, li, a, h1, h2, h3')).map((e) => parseFloat(getComputedStyle(e).fontSize)),
      )
      expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(16)
      const violations = await axeViolations(page)
      expect(violations).toEqual([])
    }
    expect(requests.filter((u) => /^https?:/.test(u))).toEqual([])
    // The check can fail: a page without a language and with faint text is caught.
    await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><p style="color:#ccc">faint</p></body></html>')
    expect((await axeViolations(page)).join()).toMatch(/html-has-lang.*color-contrast|color-contrast.*html-has-lang/)
    // Numbers in running text never break across lines, wherever in a line they fall (each prefix moves them along).
    const prefixes = Array.from({ length: 24 }, (_, i) => 'word '.repeat(1 + (i % 6)) + 'x'.repeat(i))
    const splitLinks = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load' })
      return page.evaluate(() => Array.from(document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')).filter((a) => a.getClientRects().length > 1).length)
    }
    const body = prefixes.flatMap((p) => numbersInRunningText(p).map((b) => ({ ...(b as object), _key: `${p.length}` })))
    const numbers = renderAdviceEmail(withBody(body)).html
    expect(await splitLinks(numbers)).toBe(0)
    expect(await splitLinks(numbers.replaceAll('white-space:nowrap;', ''))).toBeGreaterThan(0) // the check can fail
    if (process.env.EMAIL_SCREENSHOT) {
      await page.setContent(email.html)
      await page.screenshot({ path: process.env.EMAIL_SCREENSHOT, fullPage: true })
    }
    await page.close()
  })
})
