// With no identity provider configured, nothing is open: the console prints a one-time sign-in link that works once,
// in a browser on this computer only; the session it gives has every role, so a fresh clone can be tried.
import { spawnSync } from 'node:child_process'
import { request } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { appDir, freePort, oneTimeLinkIn, startConsole, type RunningConsole } from './support/processes'

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

test('a bad setting stops the start with a message naming the variable', async () => {
  const port = String(await freePort())
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['server.mjs'], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'production', STAFF_DB: join(tmp, 'bad.sqlite'), STAFF_PORT: port, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
  const short = run({ STAFF_SESSION_SECRET: 'too-short' })
  expect(short.status).toBe(2)
  expect(short.stderr).toContain('STAFF_SESSION_SECRET must be at least 32 characters long.')
  const half = run({ STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', STAFF_OIDC_CLIENT_ID: 'abc' })
  expect(half.status).toBe(2)
  expect(half.stderr).toContain('STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set too')
})
