// Every page in real Chromium: no WCAG 2.2 A/AA violations (axe), no request to another host, no cookie;
// the skip link and the exit control come first by keyboard; phone and SMS links dial the right numbers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium, type Browser } from '@signpost/chromium'
import { allPages, axeViolations, EXIT_URL, GUIDE, origin, url } from './site'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => chromium?.close())

describe('every page', async () => {
  const pages = await allPages()

  test('the crawl covers the site', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', GUIDE, '/organisations', '/organisations/derbyshire-victim-services', '/search']))
  })

  test.each(pages)('%s: no axe violations, no other host, no cookie, exit control present', async (path) => {
    const page = await chromium.context.newPage()
    const hosts = new Set<string>()
    const setCookies: string[] = []
    page.on('request', (r) => hosts.add(new URL(r.url()).host))
    page.on('response', async (r) => {
      const c = await r.headerValue('set-cookie')
      if (c) setCookies.push(`${r.url()}: ${c}`)
    })
    const response = await page.goto(url(path), { waitUntil: 'load' })
    expect(response?.status()).toBe(path === '/no-such-page' ? 404 : 200)
    await page.evaluate(() => document.fonts.ready)
    expect(await axeViolations(page)).toEqual([])
    expect([...hosts]).toEqual([new URL(origin()).host])
    expect(setCookies).toEqual([])
    expect(await page.locator('.govuk-exit-this-page__button').getAttribute('href')).toBe(EXIT_URL)
    expect(await page.title()).not.toBe('')
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy()
    await page.close()
  })

  test('no cookie was stored by the whole crawl', async () => {
    expect(await chromium.context.cookies()).toEqual([])
  })
})

test('the skip link and then the exit control are the first things the keyboard reaches', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.className)).toContain('govuk-exit-this-page__button')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content')
  await page.close()
})

test('phone numbers are tel: links and the SMS link pre-fills the keyword, with the instruction written out', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  expect(hrefs).toEqual(expect.arrayContaining(['tel:+448006126505', 'tel:+443001232040', 'sms:82228?body=DVS', 'tel:999']))
  expect(await page.locator('a.contact-phone[href="tel:+448006126505"]').first().textContent()).toBe('0800 612 6505')
  expect(await page.locator('a[href="sms:82228?body=DVS"]').first().textContent()).toBe('Text DVS to 82228')
  // Local support comes before national services in "Who can help".
  const orgs = await page.locator('#who-can-help ~ .organisation h3, section[aria-labelledby="who-can-help"] h3').allTextContents()
  expect(orgs[0]).toBe('Derbyshire Victim Services')
  // Tap targets: every phone and SMS link is at least 44 px tall, except a number inside a sentence (WCAG 2.5.8's
  // inline exception; the same number is also a large contact link on the page).
  for (const box of await page
    .locator('a[href^="tel:"]:not(p a), a[href^="sms:"]:not(p a)')
    .evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height))) {
    expect(box).toBeGreaterThanOrEqual(44)
  }
  await page.close()
})

test('search finds guides and organisations with a plain GET form', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url('/search'))
  await page.fill('#q', 'victim services')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/search\?q=victim\+services/)
  expect(await page.locator('#organisation-results ~ ul a, section[aria-labelledby="organisation-results"] a').allTextContents()).toContain(
    'Derbyshire Victim Services',
  )
  await page.close()
})

test('a guide prints as content only: no navigation, exit control or forms; link targets written out; big phone numbers', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  await page.emulateMedia({ media: 'print' })
  for (const selector of ['.govuk-exit-this-page', '.site-nav', 'form', '.skip-link']) {
    expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
  }
  expect(await page.locator('main h1').isVisible()).toBe(true)
  const phonePt = await page
    .locator('a.contact-phone')
    .first()
    .evaluate((a) => parseFloat(getComputedStyle(a).fontSize) * 0.75)
  expect(phonePt).toBeGreaterThanOrEqual(18)
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  // A link in a section's text prints with its address (the test guide has one).
  await page.goto(url('/guides/hostile-content-check'))
  const after = await page
    .locator('main section a[href="https://www.actionfraud.police.uk"]:not(.contact-link)')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content)
  expect(after).toBe('" (https://www.actionfraud.police.uk)"')
  await page.close()
})
