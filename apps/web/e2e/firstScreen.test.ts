// Help on a phone's first screen: at 360×640 (touch, as a phone), the home page and the guide show, without
// scrolling, the exit control, the 999 notice and the local support service's number as one tap-to-call link
// with its name. The "Or press Shift 3 times" hint is for keyboards: on a touch phone it takes no room (a screen
// reader still reads it); on a desktop it shows.
import { launchChromium, type Browser } from '@signpost/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GUIDE, url } from './site'

const PHONE = { width: 360, height: 640 }
const NOTICE = 'If you are in immediate danger, call 999.'
let phone: Browser
let desktop: Browser
beforeAll(async () => {
  ;[phone, desktop] = await Promise.all([
    launchChromium({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    launchChromium({ viewport: { width: 1280, height: 800 } }),
  ])
})
afterAll(async () => Promise.all([phone?.close(), desktop?.close()]))

async function open(browser: Browser, path: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(url(path))
  await page.evaluate(() => document.fonts.ready)
  return page
}

/** The element's box, and whether all of it lies inside the first screen (no scrolling). */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox()
  const size = page.viewportSize()
  if (!box || !size) return { selector, box, inside: false }
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height && box.width > 1 && box.height > 1
  return { selector, bottom: Math.round(box.y + box.height), inside }
}

describe.each(['/', GUIDE])('%s on a 360×640 phone', (path) => {
  test('the exit control, the 999 notice and the local service’s number with its name are on the first screen', async () => {
    const page = await open(phone, path)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(await page.locator('.emergency p').first().textContent()).toBe(NOTICE)
    // One link a thumb can tap, named for the service and the number a screen reader reads out.
    const call = page.getByRole('link', { name: 'Derbyshire Victim Services 0800 612 6505', exact: true })
    expect(await call.getAttribute('href')).toBe('tel:+448006126505')
    const boxes = await Promise.all(['.govuk-exit-this-page__button', '.emergency p', 'a[href="tel:999"]'].map((s) => onFirstScreen(page, s)))
    boxes.push(await onFirstScreen(page, 'a[href="tel:+448006126505"]:has-text("Derbyshire Victim Services")'))
    expect(boxes.filter((b) => !b.inside)).toEqual([])
    await page.close()
  })
})

test('on a touch phone the Shift hint takes no room on screen but is still there for a screen reader', async () => {
  const page = await open(phone, GUIDE)
  const hint = page.locator('.govuk-exit-this-page .exit-hint')
  const box = await hint.boundingBox()
  expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true)
  expect(await page.locator('.govuk-exit-this-page').ariaSnapshot()).toContain('Or press Shift 3 times')
  // The footer's "or press Shift 3 times" is left to screen readers too.
  const footerHint = await page.locator('.site-footer .keyboard-hint').boundingBox()
  expect(footerHint === null || (footerHint.width <= 1 && footerHint.height <= 1)).toBe(true)
  expect(await page.locator('.site-footer .keyboard-hint').textContent()).toBe(' or press Shift 3 times')
  await page.close()
})

test('on a desktop with a keyboard the Shift hint shows under the exit control', async () => {
  const page = await open(desktop, GUIDE)
  const hint = page.locator('.govuk-exit-this-page .exit-hint')
  expect(await hint.isVisible()).toBe(true)
  const box = await hint.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThan(10)
  expect(await hint.innerText()).toBe('Or press Shift 3 times')
  expect(await page.locator('.site-footer').innerText()).toContain('or press Shift 3 times')
  await page.close()
})
