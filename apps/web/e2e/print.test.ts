// A guide printed on paper: every notice, number and heading is dark on white under print media (paper has no
// background colour, so white text is lost), and Chromium's own PDF of the page carries that text, painted in
// colours that read on white (pdfjs reads the page's drawing operators).
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { contrast, printedRuns } from './pdfText'
import { GUIDE, url } from './site'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => chromium?.close())

const MUST_PRINT = ['If you are in immediate danger, call 999.', 'Call 999', '0800 612 6505', 'Text DVS to 82228', '0300 123 2040', 'Checked 1 November 2026']
/** What a reader must be able to read on paper: headings, the notices and every number. */
const READ_ON_PAPER =
  'main h1, main h2, main h3, .emergency p, main a[href^="tel:"], main a[href^="sms:"], .help-call span, .contact-label, .meta, .site-footer p'

test('printed, every heading, notice and number is dark on white (a screen rule once made "Call 999" white)', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => document.fonts.ready)
  const printed = await page.locator(READ_ON_PAPER).evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const [r, g, b] = (getComputedStyle(el).color.match(/\d+(\.\d+)?/g) ?? []).map(Number)
        const hex = `#${[r, g, b]
          .map((c) =>
            Math.round(c ?? 0)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')}`
        return { text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), colour: hex }
      }),
  )
  const texts = printed.map((p) => p.text)
  expect(texts).toEqual(expect.arrayContaining(['Cyber Crime and Fraud', 'Get help now', 'What to do now', 'Who can help', ...MUST_PRINT]))
  const unreadable = printed.filter((p) => contrast(p.colour, '#ffffff') < 4.5)
  expect(unreadable).toEqual([])
  await page.close()
})

test("Chromium's PDF of the guide has every notice, number and heading, none of it painted light", async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => document.fonts.ready)
  // The headings that print (the download and email panels are screen-only).
  const headings = await page
    .locator('main h1, main h2, main h3')
    .evaluateAll((hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()))
  expect(headings.length).toBeGreaterThan(8)
  const pdf = await page.pdf({ format: 'A4' })
  await page.close()
  const runs = await printedRuns(pdf)
  const all = runs.map((r) => r.text).join(' ')
  for (const text of [...headings, ...MUST_PRINT]) expect(all, text).toContain(text)
  // Light text on paper: white (or pale) fill, which only a printed background could have made readable.
  expect(runs.filter((r) => contrast(r.fill, '#ffffff') < 4.5)).toEqual([])
  // Nothing of the screen furniture: the exit control, the navigation and the forms stay off paper.
  expect(all).not.toContain('Exit this page')
  expect(all).not.toContain('Send me this advice')
})
