// With no identity provider configured, nothing is open: the console prints a one-time sign-in link that works once,
// in a browser on this computer only; the session it gives has every role, so a fresh clone can be tried.
import { request } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort, oneTimeLinkIn, startConsole, type RunningConsole } from './support/processes'

let tmp: string
let staff: RunningConsole
let browser: Browser

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'signpost-staff-once-'))
  ;[staff, browser] = await Promise.all([
    startConsole(await freePort(), { STAFF_DB: join(tmp, 'staff.sqlite'), EMAIL_DB: join(tmp, 'outbox.sqlite'), STAFF_OIDC_ISSUER: '', SANITY_PROJECT_ID: '' }),
    launchChromium(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await staff?.stop()
  await rm(tmp, { recursive: true, force: true })
})

/** A GET as if through a proxy for another host name: not a browser on this computer. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host, 'x-forwarded-for': '203.0.113.9' } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
      .on('error', reject)
      .end()
  })
}

test('the link is printed, refused from another machine, works once in the browser and never again; with it one sends the seed guide and builds a 5-copy pack', async () => {
  const link = oneTimeLinkIn(staff.output())
  expect(staff.output()).toContain('valid once, for 15 minutes')
  expect(await getWithHost(link, 'staff.signpost.example')).toBe(403)

  const page = await browser.context.newPage()
  await page.goto(link)
  expect(new URL(page.url()).pathname).toBe('/')
  expect(await page.locator('.who').textContent()).toContain('Caseworker, Front desk, Supervisor')
  const cookie = (await browser.context.cookies(staff.origin)).find((c) => c.name === 'signpost_staff')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' })

  const again = await fetch(link, { redirect: 'manual' })
  expect(again.status).toBe(403)
  expect(await again.text()).toContain('has been used already')
  const guess = await fetch(link.replace(/token=.*/, 'token=not-the-token'), { redirect: 'manual' })
  expect(guess.status).toBe(403)

  // What a fresh clone is for: send the seed guide and see it in What I sent; build a 5-copy pack.
  await page.goto(`${staff.origin}/send`)
  await page.getByLabel('Their email address').fill('someone@example.com')
  await page.getByRole('button', { name: 'Preview the message' }).click()
  await page.getByRole('button', { name: 'Send' }).click()
  await page.waitForURL(/\/sent\?sent=/)
  expect(await page.locator('tbody').textContent()).toContain('s***@example.com')
  await page.goto(`${staff.origin}/print`)
  await page.getByRole('button', { name: 'Build the pack' }).click()
  await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 60_000 })
  expect(await page.locator('main').textContent()).toContain('5 leaflets (1 guide × 5) for Derbyshire')
  await page.close()
})
