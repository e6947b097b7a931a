// With JavaScript off the guide still works: its content, its phone links, the exit link and the email form,
// which queues a message and confirms without the address ever appearing in a URL.
import { openOutbox } from '@signpost/email'
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { EXIT_URL, GUIDE, url } from './site'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium({ javaScriptEnabled: false })
})
afterAll(async () => chromium?.close())

test('the guide page works with JavaScript disabled', async () => {
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  expect(await page.locator('h1').textContent()).toBe('Cyber Crime and Fraud')
  expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['What is Fraud?', 'How to report it?', 'Who can help']))
  expect(await page.locator('a[href="tel:+448006126505"]').count()).toBeGreaterThan(0)
  expect(await page.locator('a[href="tel:+443001232040"]').count()).toBeGreaterThan(0)
  expect(await page.locator('.govuk-exit-this-page__button').getAttribute('href')).toBe(EXIT_URL)
  expect(await page.locator('form[action="/api/email-me"] input[type="email"]').count()).toBe(1)
  expect(await page.locator('a[href$="/leaflet.pdf"]').textContent()).toMatch(/^Download the leaflet \(PDF, \d+ KB\)$/)
  await page.close()
})

test('the email form queues the advice and confirms without the address in any URL', async () => {
  const page = await chromium.context.newPage()
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  await page.goto(url(GUIDE))
  await page.fill('#email-address', 'reader@example.com')
  await Promise.all([page.waitForURL(url(`${GUIDE}/email-sent`)), page.click('form[action="/api/email-me"] button')])
  expect(await page.locator('h1').textContent()).toBe('Your email is on its way')
  expect(await page.content()).not.toContain('reader@example.com')
  expect(urls.filter((u) => u.includes('reader') || u.includes('%40'))).toEqual([])
  const outbox = await openOutbox({ path: inject('outboxFile') })
  const queued = (await outbox.list()).filter((m) => m.origin === 'web')
  await outbox.close()
  expect(queued.map((m) => [m.guide, m.to])).toEqual([['cyber-crime-and-fraud', 'r***@example.com']])
  await page.close()
})

test('a bad address comes back to the guide with a message, not the address', async () => {
  // Browsers check type=email before sending; a client that does not is answered the same way.
  const res = await fetch(url('/api/email-me'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ guide: 'cyber-crime-and-fraud', email: 'not-an-address', website: '' }).toString(),
  })
  expect(res.status).toBe(303)
  const location = res.headers.get('location') ?? ''
  expect(location).toBe(`${GUIDE}/email-problem?email=invalid-address#email-me`)
  const page = await chromium.context.newPage()
  await page.goto(url(location))
  expect(await page.locator('.error-summary').textContent()).toContain('Enter an email address in the right format')
  expect(await page.locator('h1').textContent()).toBe('Cyber Crime and Fraud')
  await page.close()
})

test('a filled-in honeypot is thanked and nothing is queued', async () => {
  const res = await fetch(url('/api/email-me'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ guide: 'cyber-crime-and-fraud', email: 'bot@example.com', website: 'http://spam.example' }).toString(),
  })
  expect(res.headers.get('location')).toBe(`${GUIDE}/email-sent`)
  const outbox = await openOutbox({ path: inject('outboxFile') })
  expect((await outbox.list()).filter((m) => m.to.startsWith('b***'))).toEqual([])
  await outbox.close()
})
