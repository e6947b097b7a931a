// Every phone number is tappable and whole: a number written in the guide's running text ("you can contact
// Action Fraud on 0300 123 2040") is a tel: link (the content door marks it), and no tel: or sms: link on the
// page is ever split across two lines, even on a 320 px phone.
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { GUIDE, url } from './site'

let phone: Browser
beforeAll(async () => {
  phone = await launchChromium({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true })
})
afterAll(async () => phone?.close())

test('a number in running text is a tel: link, and no phone or text link is split across lines at 320 px', async () => {
  const page = await phone.context.newPage()
  await page.goto(url(GUIDE))
  await page.evaluate(() => document.fonts.ready)
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'How to report it?' }) })
  const inText = section.locator('p a[href="tel:+443001232040"]')
  expect(await inText.textContent()).toBe('0300 123 2040')
  // Links whose text is a number or a text instruction (the help-now link puts the name above the number on purpose).
  // A text instruction may wrap between its words where a translation is longer than a phone is wide ("DVS لکھ کر
  // 82228 پر بھیجیں"), so for it the rule is on its keyword and short code (the <bdi>s); in English it fits on one line.
  const links = await page.locator('a[href^="tel:"]:not(.help-call), a[href^="sms:"], .help-call-number, a[href^="sms:"] bdi').evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent,
      lines: el.getClientRects().length,
      whiteSpace: el.matches('a[href^="sms:"]') ? 'nowrap (its keyword and short code)' : getComputedStyle(el).whiteSpace,
    })),
  )
  expect(links.length).toBeGreaterThan(6)
  expect(links.filter((l) => l.lines !== 1 || !l.whiteSpace.startsWith('nowrap'))).toEqual([])
  await page.close()
})
