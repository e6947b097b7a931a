// After leaving with "Exit this page", Back does not bring the guide up again: with JavaScript the control replaces
// the page's history entry (location.replace). The reader comes from the home page to the guide, leaves by
// Shift×3 (keyboard) or by tapping the control (touch phone), then presses Back. The exit destination is answered
// locally (page.route), so no test reaches the network.
import { launchChromium, type Browser } from '@signpost/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { EXIT_URL, GUIDE, url } from './site'

let desktop: Browser
let phone: Browser
const exits: string[] = []

beforeAll(async () => {
  ;[desktop, phone] = await Promise.all([launchChromium(), launchChromium({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })])
  for (const browser of [desktop, phone]) {
    await browser.context.route('https://www.bbc.co.uk/**', async (route) => {
      exits.push(route.request().url())
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' })
    })
  }
})
afterAll(async () => Promise.all([desktop?.close(), phone?.close()]))

/** Home page, then the guide by its link, as a reader arrives. */
async function readGuide(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(url('/'))
  await Promise.all([page.waitForURL(url(GUIDE)), page.locator(`main a[href="${GUIDE}"]`).first().click()])
  expect(await page.locator('h1').textContent()).toBe('Cyber Crime and Fraud')
  return page
}

async function headingAfterBack(page: Page): Promise<string | null> {
  await page.goBack()
  await page.waitForLoadState('load')
  return page.locator('h1').first().textContent()
}

test('after leaving by Shift three times, Back shows the page before the guide, not the guide', async () => {
  exits.length = 0
  const page = await readGuide(desktop)
  await page.keyboard.press('Shift')
  await page.keyboard.press('Shift')
  await Promise.all([page.waitForURL(EXIT_URL), page.keyboard.press('Shift')])
  expect(exits).toEqual([EXIT_URL])
  const heading = await headingAfterBack(page)
  expect(heading).not.toBe('Cyber Crime and Fraud')
  expect(page.url()).toBe(url('/'))
  await page.close()
})

test('after leaving by tapping the exit control on a phone, Back does not show the guide', async () => {
  exits.length = 0
  const page = await readGuide(phone)
  await Promise.all([page.waitForURL(EXIT_URL), page.locator('.govuk-exit-this-page__button').tap({ noWaitAfter: true })])
  expect(exits).toEqual([EXIT_URL])
  const heading = await headingAfterBack(page)
  expect(heading).not.toBe('Cyber Crime and Fraud')
  expect(page.url()).not.toBe(url(GUIDE))
  await page.close()
})
