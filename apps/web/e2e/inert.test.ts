// Hostile content stays inert: a <script> in a title or text shows as text, a javascript: link is plain
// text, and nothing from content creates a script, an event handler or a javascript: URL.
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { HOSTILE_SLUG, HOSTILE_TEXT, HOSTILE_TITLE } from './fixtures'
import { url } from './site'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => chromium?.close())

test('script in text and a javascript: link render inert', async () => {
  const page = await chromium.context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(url(`/guides/${HOSTILE_SLUG}`))
  expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE)
  expect(await page.locator('main').textContent()).toContain(HOSTILE_TEXT)
  const dom = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    javascriptUrls: [...document.querySelectorAll('[href], [src], [action]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
      .filter((v) => /^\s*javascript:/i.test(v)),
    images: document.querySelectorAll('main img').length,
    safeLinks: [...document.querySelectorAll('main a[href="https://www.actionfraud.police.uk"]')].map((a) => a.textContent),
  }))
  expect(dom).toMatchObject({ pwned: null, scripts: ['/exit-this-page.js'], handlers: [], javascriptUrls: [], images: 0 })
  expect(dom.safeLinks).toContain(' but this is.')
  expect(await page.getByText('and this is not a link').evaluate((el) => el.closest('a'))).toBeNull()
  expect(dialogs).toEqual([])
  await page.close()
})
