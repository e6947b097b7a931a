// "Exit this page": Shift three times within 5 seconds leaves for the destination (intercepted here, so no
// real network), the count is announced, the page is covered first; two presses then a pause do nothing.
// Back after leaving: exitHistory.test.ts.
import { launchChromium, type Browser } from '@signpost/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { EXIT_URL, GUIDE, url } from './site'

let chromium: Browser
const exits: string[] = []

beforeAll(async () => {
  chromium = await launchChromium()
  await chromium.context.route('https://www.bbc.co.uk/**', async (route) => {
    exits.push(route.request().url())
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' })
  })
})
afterAll(async () => chromium?.close())
beforeEach(() => {
  exits.length = 0
})

const status = (page: Page) => page.locator('.govuk-exit-this-page [role="status"]').textContent()

test('Shift three times leaves for the destination, announcing the count first', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.keyboard.press('Shift')
  expect(await status(page)).toBe('Shift, press 2 more times to exit.')
  await page.keyboard.press('Shift')
  expect(await status(page)).toBe('Shift, press 1 more time to exit.')
  await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Shift')])
  expect(exits).toEqual([EXIT_URL])
  expect(await page.title()).toBe('Weather')
  await page.close()
})

test('two presses and then more than 5 seconds do not leave', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.keyboard.press('Shift')
  await page.keyboard.press('Shift')
  await page.waitForTimeout(5_500)
  expect(await status(page)).toBe('Exit this page expired.')
  await page.keyboard.press('Shift')
  await page.waitForTimeout(500)
  expect(exits).toEqual([])
  expect(page.url()).toBe(url(GUIDE))
  await page.close()
})

test('the button covers the page before leaving (Back then does not return to it: see exitHistory.test.ts)', async () => {
  const page = await chromium.context.newPage()
  // The page reports, the moment the overlay appears (before the browser leaves), whether it is covered.
  const seen: { hidden: boolean; overlay: string | null }[] = []
  await page.exposeFunction('recordExitCover', (state: { hidden: boolean; overlay: string | null }) => seen.push(state))
  await page.goto(url(GUIDE))
  await page.evaluate(() => {
    const record = (window as unknown as { recordExitCover: (s: { hidden: boolean; overlay: string | null }) => void }).recordExitCover
    new MutationObserver(() => {
      const overlay = document.querySelector('.govuk-exit-this-page-overlay')
      if (overlay) record({ hidden: document.body.classList.contains('govuk-exit-this-page-hide-content'), overlay: overlay.textContent })
    }).observe(document.body, { childList: true, subtree: true })
  })
  await Promise.all([page.waitForURL(EXIT_URL), page.locator('.govuk-exit-this-page__button').click({ noWaitAfter: true })])
  expect(exits).toEqual([EXIT_URL])
  expect(seen[0]).toEqual({ hidden: true, overlay: 'Loading.' })
  await page.close()
})

test('the shortcut works as soon as the page is parsed, before it has finished loading', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE), { waitUntil: 'domcontentloaded' })
  await page.keyboard.press('Shift')
  await page.keyboard.press('Shift')
  await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Shift')])
  expect(exits).toEqual([EXIT_URL])
  await page.close()
})
