// The console end to end: real Chromium signs in through a real OpenID Provider on 127.0.0.1 (PKCE, state, roles claim);
// a caseworker previews and sends advice that arrives once at a real SMTP server, however often "Send" is submitted;
// a front desk builds a pack and downloads a valid PDF, and is refused (403, logged) where its role does not reach;
// no session means sign-in or 401; a cross-site form is refused; every page passes axe and carries the strict headers.
import { createServer, type Server } from 'node:http'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, type Browser } from '@signpost/chromium'
import { readSmsFile } from '@signpost/sms'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, pdfText, signIn } from './support/browser'
import { startOidcProvider, type TestProvider } from './support/oidcProvider'
import { freePort, runEmailCli, startConsole, startEmailWorker, type Running, type RunningConsole } from './support/processes'
import { startSmtp, type TestSmtp } from './support/smtpServer'

let tmp: string
let smtp: TestSmtp
let provider: TestProvider
let staff: RunningConsole
let worker: Running
let browser: Browser
let shared: Record<string, string>

const RECIPIENT = 'victim.person@example.org'

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'signpost-staff-e2e-'))
  smtp = await startSmtp()
  const staffPort = await freePort()
  provider = await startOidcProvider(await freePort(), `http://127.0.0.1:${staffPort}/api/auth/callback`, `http://127.0.0.1:${staffPort}/signed-out`)
  shared = { EMAIL_DB: join(tmp, 'outbox.sqlite'), SIGNPOST_SITE_URL: 'https://signpost.example', SANITY_PROJECT_ID: '' }
  ;[staff, browser] = await Promise.all([
    startConsole(staffPort, {
      ...shared,
      STAFF_DB: join(tmp, 'staff.sqlite'),
      STAFF_OIDC_ISSUER: provider.issuer,
      STAFF_OIDC_CLIENT_ID: provider.clientId,
      STAFF_OIDC_CLIENT_SECRET: provider.clientSecret,
      STAFF_OIDC_SCOPE: 'openid profile roles',
      STAFF_SESSION_SECRET: 'a-test-session-secret-of-at-least-32-chars',
    }),
    launchChromium({ acceptDownloads: true }),
  ])
  worker = startEmailWorker(workerEnv())
})

const workerEnv = () => ({ ...shared, SMTP_URL: smtp.url, EMAIL_FROM: 'advice@signpost.example', SMS_OUTBOX_DIR: join(tmp, 'sms'), NOTIFY_API_KEY: '' })

afterAll(async () => {
  await browser?.close()
  await worker?.stop()
  await staff?.stop()
  if (process.env.SIGNPOST_E2E_SERVER_LOG) console.log(staff?.output(), worker?.output())
  await provider?.close()
  await smtp?.close()
  await rm(tmp, { recursive: true, force: true })
})

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await wait(100)
  }
}

describe('without a session', () => {
  test.each(['/', '/send', '/send/preview?draft=x', '/sent', '/print', '/print/job?id=x', '/audit'])('%s redirects to sign-in', async (path) => {
    const res = await fetch(`${staff.origin}${path}`, { redirect: 'manual' })
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toMatch(/^\/signin\?next=/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  test.each([
    ['POST', '/api/send/draft'],
    ['POST', '/api/send/send'],
    ['GET', '/api/send/frame?draft=x'],
    ['POST', '/api/print/start'],
    ['GET', '/api/print/download?id=x'],
    ['POST', '/api/sent/retry'],
    ['POST', '/api/sent/cancel'],
    ['GET', '/api/audit.csv'],
    ['POST', '/api/auth/signout'],
  ])('%s %s answers 401', async (method, path) => {
    const res = await fetch(`${staff.origin}${path}`, {
      method,
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: method === 'POST' ? 'a=b' : undefined,
    })
    expect(res.status).toBe(401)
  })

  test('the one-time link is off when an identity provider is configured', async () => {
    expect(staff.output()).not.toMatch(/once\?token=/)
    expect((await fetch(`${staff.origin}/api/auth/once?token=anything`)).status).toBe(403)
  })

  test('a callback whose state this browser did not start is refused', async () => {
    const res = await fetch(`${staff.origin}/api/auth/callback?code=stolen-code&state=forged-state`, { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('This sign-in was not started in this browser')
    expect(res.headers.get('set-cookie') ?? '').not.toContain('signpost_staff=')
  })

  test('the sign-in page has the strict headers and passes axe', async () => {
    const res = await fetch(`${staff.origin}/signin`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('set-cookie')).toBeNull()
    const page = await browser.context.newPage()
    await page.goto(`${staff.origin}/signin`)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('a caseworker', () => {
  test('signs in with the provider, previews the email, sends it once however often Send is submitted', async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    const cookie = (await browser.context.cookies(staff.origin)).find((c) => c.name === 'signpost_staff')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false })
    expect(await page.locator('.who').textContent()).toContain('Casey Caseworker (Caseworker)')
    expect(await page.getByRole('link', { name: 'Print a pack' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    const form = await page.goto(`${staff.origin}/send`)
    expect(form?.headers()['cache-control']).toBe('no-store')
    expect(form?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Their email address').fill(RECIPIENT)
    await page.getByRole('button', { name: 'Preview the message' }).click()
    await page.waitForURL(/\/send\/preview\?draft=/)
    expect(await axeViolations(page)).toEqual([])
    const subject = (await page.locator('#subject').textContent()) ?? ''
    expect(subject).toBe('Cyber Crime and Fraud: advice and who can help')
    const previewText = (await page.locator('details pre').textContent()) ?? ''
    const frame = page.frameLocator('iframe.preview')
    expect(await frame.locator('body').textContent()).toContain('Cyber Crime and Fraud')

    // Three submissions of the same form: two straight from the page's own fields, then the button itself.
    const key = await page.locator('input[name="key"]').getAttribute('value')
    const csrf = await page.locator('form[action="/api/send/send"] input[name="csrf"]').getAttribute('value')
    const fields = { key: key ?? '', csrf: csrf ?? '' }
    const posts = await Promise.all(
      [1, 2].map(() => page.request.post(`${staff.origin}/api/send/send`, { form: fields, headers: { origin: staff.origin }, maxRedirects: 0 })),
    )
    expect(posts.map((p) => p.status())).toEqual([303, 303])
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/sent\?sent=/)

    const arrived = await until('the email at the SMTP server', () => smtp.messages[0])
    await wait(1500)
    expect(smtp.messages).toHaveLength(1)
    expect(arrived.subject).toBe(subject)
    // What arrived is what the preview showed: the same subject and the same plain text, character for character.
    expect(arrived.text?.replace(/\r\n/g, '\n').trim()).toBe(previewText.trim())
    expect((arrived.to as { text: string }).text).toContain(RECIPIENT)

    // "What I sent": the message, masked, and its state once the worker has sent it.
    await until('"Sent" in What I sent', async () => {
      await page.reload()
      return (await page.locator('td.state').first().textContent())?.startsWith('Sent')
    })
    const table = (await page.locator('table').textContent()) ?? ''
    expect(table).toContain('v***@example.org')
    expect(table).not.toContain(RECIPIENT)
    expect(await page.locator('tbody tr').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  test('sends the advice as a text message from the same form: previewed, queued once, delivered by the same worker', async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    await page.goto(`${staff.origin}/send`)
    // Finding the guide: a plain GET search, no JavaScript.
    await page.getByLabel('Find a guide').fill('no such words')
    await Promise.all([page.waitForURL(/q=no\+such\+words/), page.getByRole('button', { name: 'Find' }).click()])
    expect(await page.locator('main').textContent()).toContain('No guide for this area matches “no such words”')
    expect(await page.locator('#guide option').count()).toBe(0)
    await page.getByLabel('Find a guide').fill('cyber FRAUD')
    await Promise.all([page.waitForURL(/q=cyber\+FRAUD/), page.getByRole('button', { name: 'Find' }).click()])
    expect(await page.locator('#guide option').allTextContents()).toEqual(['Cyber Crime and Fraud'])
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('A text message').check()
    await page.getByLabel('Their mobile number').fill('07700 900123')
    await page.getByRole('button', { name: 'Preview the message' }).click()
    await page.waitForURL(/\/send\/preview\?draft=/)
    expect(await axeViolations(page)).toEqual([])
    const body = (await page.locator('#sms-body').textContent()) ?? ''
    expect(body.length).toBeGreaterThan(40)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/sent\?sent=/)
    const dir = join(tmp, 'sms')
    const files = await until('the text file', async () => {
      const names = await readdir(dir).catch(() => [] as string[])
      return names.length ? names : undefined
    })
    await wait(1500)
    expect(await readdir(dir)).toHaveLength(files.length)
    expect(files).toHaveLength(1)
    const sent = readSmsFile(join(dir, files[0] ?? ''))
    expect(sent.to).toBe('+447700900123')
    expect(sent.body).toBe(body)
    await page.goto(`${staff.origin}/sent`)
    const row = page.locator('tr', { hasText: 'Text' })
    expect(await row.textContent()).toContain('07*** ***123')
    expect(await row.textContent()).not.toContain('900123 ')
    await page.close()
  })

  test('sends the advice in Urdu: only the languages the guide exists in are offered, the preview and the email are Urdu, right to left', async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    await page.goto(`${staff.origin}/send`)
    expect(await page.locator('#lang option').allTextContents()).toEqual(['English', 'Welsh (Cymraeg)', 'Polish (Polski)', 'Urdu (اردو)'])
    expect(await page.locator('#lang').inputValue()).toBe('en')
    await page.getByLabel('Language').selectOption('ur')
    await page.getByLabel('Their email address').fill('urdu.reader@example.org')
    await page.getByLabel('Attach the leaflet as a PDF (email only)').check()
    await page.getByRole('button', { name: 'Preview the message' }).click()
    await page.waitForURL(/\/send\/preview\?draft=/)
    expect(await axeViolations(page)).toEqual([])
    expect(await page.locator('#language').textContent()).toBe('Urdu (اردو)')
    const subject = (await page.locator('#subject').textContent()) ?? ''
    expect(subject).toMatch(/[\u0600-\u06ff]/)
    expect(await page.locator('#subject').getAttribute('dir')).toBe('rtl')
    const frame = page.frameLocator('iframe.preview')
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl')
    expect(await frame.locator('html').getAttribute('lang')).toBe('ur')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/sent\?sent=/)
    const mail = await until('the Urdu email at the SMTP server', () => smtp.messages.find((m) => JSON.stringify(m.to).includes('urdu.reader@example.org')))
    expect(mail.subject).toBe(subject)
    expect(String(mail.html)).toMatch(/<html lang="ur" dir="rtl">/)
    expect(mail.text).toMatch(/[\u0600-\u06ff]/)
    const [leaflet] = mail.attachments
    expect(leaflet?.contentType).toBe('application/pdf')
    expect(leaflet?.content.toString('latin1')).toMatch(/\/Lang \(ur\)/)
    await page.close()
  })

  test('a language the guide is not written in is refused on the form, naming the languages it has', async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    await page.goto(`${staff.origin}/send`)
    const csrf = (await page.locator('form[action="/api/send/draft"] input[name="csrf"]').getAttribute('value')) ?? ''
    const key = (await page.locator('form[action="/api/send/draft"] input[name="key"]').getAttribute('value')) ?? ''
    const res = await page.request.post(`${staff.origin}/api/send/draft`, {
      form: { csrf, key, guide: 'cyber-crime-and-fraud', area: 'derbyshire', lang: 'xx', channel: 'email', to: 'x@example.org' },
      headers: { origin: staff.origin },
    })
    expect(await res.text()).toContain(
      'Language: &quot;xx&quot; is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
    )
    await page.close()
  })

  test('a forged cross-site form is refused, and the session survives it', async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    const evilPort = await freePort()
    const evil: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.end(
        `<form method="post" action="${staff.origin}/api/auth/signout"><input name="csrf" value="guess"></form><script>document.forms[0].submit()</script>`,
      )
    })
    await new Promise<void>((r) => evil.listen(evilPort, '127.0.0.1', () => r()))
    const forged = await browser.context.newPage()
    const answer = forged.waitForResponse((r) => r.url() === `${staff.origin}/api/auth/signout`)
    await forged.goto(`http://127.0.0.1:${evilPort}/`)
    expect((await answer).status()).toBe(403)
    await new Promise((r) => evil.close(r))
    await forged.close()
    // With the right token but another site's Origin, refused too.
    const csrf = await page.locator('.who input[name="csrf"]').getAttribute('value')
    const other = await page.request.post(`${staff.origin}/api/auth/signout`, {
      form: { csrf: csrf ?? '' },
      headers: { origin: 'http://evil.example' },
      maxRedirects: 0,
    })
    expect(other.status()).toBe(403)
    await page.goto(`${staff.origin}/`)
    expect(await page.locator('.who').textContent()).toContain('Casey Caseworker')
    await page.close()
  })

  test("signing out ends the session and the provider's: the old cookie no longer works, the next sign-in asks again", async () => {
    const page = await signIn(browser.context, staff.origin, 'casey')
    const cookie = (await browser.context.cookies(staff.origin)).find((c) => c.name === 'signpost_staff')
    await page.getByRole('button', { name: 'Sign out' }).click()
    // Then the provider's own sign-out, so the next person at this computer is not signed in as Casey.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click()
    await page.waitForURL(`${staff.origin}/signed-out`)
    expect(await page.locator('main').textContent()).toContain('You have signed out.')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Sign in again' }).click()
    await page.locator('input[name="login"]').waitFor()
    const replay = await fetch(`${staff.origin}/sent`, { headers: { cookie: `signpost_staff=${cookie?.value}` }, redirect: 'manual' })
    expect(replay.status).toBe(307)
    await page.close()
  })
})

describe('a front desk', () => {
  test('builds a pack with a self-refreshing progress page, and downloads a valid PDF', async () => {
    const page = await signIn(browser.context, staff.origin, 'frankie')
    await page.goto(`${staff.origin}/print`)
    expect(await axeViolations(page)).toEqual([])
    // A big pack first, to see the progress page while it builds, and the console answering meanwhile.
    const csrf = (await page.locator('form[action="/api/print/start"] input[name="csrf"]').getAttribute('value')) ?? ''
    const big = await page.request.post(`${staff.origin}/api/print/start`, {
      form: { csrf, copies: '150', format: 'standard', layout: 'standard' },
      headers: { origin: staff.origin },
      maxRedirects: 0,
    })
    expect(big.status()).toBe(303)
    const progressUrl = `${staff.origin}${big.headers().location}`
    const building = await until('a progress page with pages counted', async () => {
      const res = await page.request.get(progressUrl)
      const html = await res.text()
      return /(\d+) of (\d+) pages done/.test(html) ? { html, refresh: res.headers().refresh } : undefined
    })
    // It reloads itself without JavaScript (the Refresh header), and the reader can turn that off.
    expect(building.refresh).toBe('2')
    expect(building.html).toContain('Stop refreshing this page')
    expect(building.html).not.toContain('<script')
    const watching = await browser.context.newPage()
    await watching.goto(progressUrl)
    if ((await watching.title()).startsWith('Building')) {
      expect(await axeViolations(watching)).toEqual([])
      // Chromium follows the Refresh header: the page loads again by itself.
      await watching.waitForEvent('load', { timeout: 10_000 })
    }
    await watching.close()
    const started = Date.now()
    expect((await page.request.get(`${staff.origin}/print`)).status()).toBe(200)
    expect(Date.now() - started).toBeLessThan(5000)

    await page.getByLabel('Copies of each leaflet').fill('5')
    await page.getByRole('button', { name: 'Build the pack' }).click()
    await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 60_000 })
    expect(await axeViolations(page)).toEqual([])
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download the pack (PDF)' }).click()
    const file = await (await download).path()
    const bytes = await readFile(file)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const pdf = await pdfText(bytes)
    expect(pdf.text).toContain('Print pack')
    expect(pdf.pages).toBeGreaterThan(5)
    await page.close()
  })

  test('builds a pack of A5 booklets: A4 landscape sheets, from the leaflets library', async () => {
    const page = await signIn(browser.context, staff.origin, 'frankie')
    await page.goto(`${staff.origin}/print`)
    await page.getByLabel('Layout').selectOption('booklet')
    await page.getByLabel('Copies of each leaflet').fill('2')
    await page.getByRole('button', { name: 'Build the pack' }).click()
    await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 60_000 })
    expect(await page.locator('main').textContent()).toContain('A5 booklets')
    const href = (await page.getByRole('link', { name: 'Download the pack (PDF)' }).getAttribute('href')) ?? ''
    const res = await page.request.get(`${staff.origin}${href}`)
    expect(res.headers()['content-disposition']).toContain('-booklet-x2.pdf')
    const pdf = await pdfText(await res.body())
    const [width, height] = pdf.lastPageSize
    expect(Math.round(width)).toBe(842)
    expect(Math.round(height)).toBe(595)
    await page.close()
  })

  test('prints a pack in English and Urdu: the languages the guides exist in, each leaflet in its language', async () => {
    const page = await signIn(browser.context, staff.origin, 'frankie')
    await page.goto(`${staff.origin}/print`)
    const langs = page.locator('input[name="lang"]')
    expect(await langs.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['en', 'cy', 'pl', 'ur'])
    expect(await page.getByLabel('English').isChecked()).toBe(true)
    await page.getByLabel('Urdu (اردو)').check()
    await page.getByLabel('Copies of each leaflet').fill('1')
    await page.getByRole('button', { name: 'Build the pack' }).click()
    await page.getByRole('heading', { name: 'Your pack is ready' }).waitFor({ timeout: 90_000 })
    expect(await page.locator('main').textContent()).toContain('in English, Urdu')
    expect(await axeViolations(page)).toEqual([])
    const href = (await page.getByRole('link', { name: 'Download the pack (PDF)' }).getAttribute('href')) ?? ''
    const res = await page.request.get(`${staff.origin}${href}`)
    expect(res.headers()['content-disposition']).toContain('-en-ur-x1.pdf')
    const bytes = await res.body()
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(ur\)/)
    // A guide chosen in a language it is not written in is refused before anything is built.
    const csrf = (await page.locator('.who input[name="csrf"]').getAttribute('value')) ?? ''
    const refused = await page.request.post(`${staff.origin}/api/print/start`, {
      form: { csrf, guide: 'cyber-crime-and-fraud', lang: 'xx', copies: '1' },
      headers: { origin: staff.origin },
      maxRedirects: 0,
    })
    expect(refused.status()).toBe(303)
    expect(decodeURIComponent(refused.headers().location ?? '')).toContain('Languages: "xx" is not a language Signpost publishes in.')
    await page.close()
  })

  test('is refused (403, logged) sending advice, by page and by POST', async () => {
    const page = await signIn(browser.context, staff.origin, 'frankie')
    const res = await page.goto(`${staff.origin}/send`)
    expect(res?.status()).toBe(403)
    expect(await page.locator('main').textContent()).toContain('does not give you access')
    expect(await axeViolations(page)).toEqual([])
    const csrf = (await page.locator('.who input[name="csrf"]').getAttribute('value')) ?? ''
    const post = await page.request.post(`${staff.origin}/api/send/send`, {
      form: { csrf, key: '00000000-0000-4000-8000-000000000000' },
      headers: { origin: staff.origin },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(403)
    expect(staff.output()).toMatch(/REFUSED POST \/api\/send\/send by Frankie Frontdesk/)
    await page.close()
  })
})

describe('a supervisor', () => {
  test("sees everyone's messages and the audit log with the refusals, and exports it as CSV without addresses", async () => {
    const page = await signIn(browser.context, staff.origin, 'sam')
    await page.goto(`${staff.origin}/sent`)
    expect(await page.locator('tbody').textContent()).toContain('Casey Caseworker')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${staff.origin}/audit`)
    expect(await page.locator('tbody').textContent()).toContain('refused')
    expect(await axeViolations(page)).toEqual([])
    // The outbox erases the sent message's address (retention 0 days): the audit log keeps its entry, masked.
    const purge = await runEmailCli(['purge'], { ...shared, EMAIL_RETENTION_DAYS: '0' })
    expect(purge.code).toBe(0)
    await page.goto(`${staff.origin}/sent`)
    expect(await page.locator('tbody').textContent()).toContain('Casey Caseworker')
    const csv = await (await page.request.get(`${staff.origin}/api/audit.csv`)).text()
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,actor_name,roles,action,outcome,detail,address')
    expect(csv).toMatch(/Casey Caseworker,caseworker,send,ok,.*v\*\*\*@example\.org/)
    expect(csv).toMatch(/Casey Caseworker,caseworker,send,ok,.*cyber-crime-and-fraud \(derbyshire\), in ur, leaflet attached",u\*\*\*@example\.org/)
    expect(csv).toMatch(/Frankie Frontdesk,frontdesk,POST \/api\/send\/send,refused/)
    expect(csv).toMatch(/Frankie Frontdesk,frontdesk,print,ok/)
    expect(csv).not.toContain(RECIPIENT)
    expect(csv).toMatch(/anonymous,not signed in,,POST \/api\/send\/send,refused,no session \(401\)/)
    await page.close()
  })

  test("sees a bounced message with the server's reply and puts it back in the queue", async () => {
    const page = await signIn(browser.context, staff.origin, 'sam')
    await page.goto(`${staff.origin}/send`)
    await page.getByLabel('Their email address').fill('bounce.me@example.org')
    await page.getByRole('button', { name: 'Preview the message' }).click()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/sent\?sent=/)
    const row = page.locator('tr', { hasText: 'b***@example.org' })
    await until('the bounce shown as failed', async () => {
      await page.reload()
      return (await row.locator('td.state').textContent())?.startsWith('Failed')
    })
    expect(await row.locator('td.state').textContent()).toContain('The mail server said: 550')
    expect(await row.locator('td.state').textContent()).toContain('No such mailbox here')
    expect(await row.textContent()).toContain('Sam Supervisor')
    await row.getByRole('button', { name: 'Retry now' }).click()
    await page.waitForURL(/\/sent\?notice=/)
    expect(await page.locator('.notice').textContent()).toContain('is queued again')
    const csv = await (await page.request.get(`${staff.origin}/api/audit.csv`)).text()
    expect(csv).toMatch(/Sam Supervisor,supervisor,retry,ok,.*b\*\*\*@example\.org/)
    await page.close()
  })

  test("cancels a queued message: it shows Cancelled and never reaches the mail server; a caseworker's cancel is refused (403, logged)", async () => {
    // The worker is held back, so the message stays queued while it is cancelled; it starts again below.
    await worker.stop()
    let page = await signIn(browser.context, staff.origin, 'sam')
    await page.goto(`${staff.origin}/send`)
    await page.getByLabel('Their email address').fill('cancel.me@example.org')
    await page.getByRole('button', { name: 'Preview the message' }).click()
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/sent\?sent=/)
    const rowOf = (p: typeof page) => p.locator('tr', { hasText: 'c***@example.org' })
    expect(await rowOf(page).locator('td.state').textContent()).toBe('Queued')
    expect(await rowOf(page).getByRole('button', { name: 'Retry now' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    const id = (await rowOf(page).locator('form[action="/api/sent/cancel"] input[name="id"]').getAttribute('value')) ?? ''
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    // A caseworker's own valid form to cancel it: refused for the role, logged, and the message is still queued.
    const casey = await signIn(browser.context, staff.origin, 'casey')
    const caseyCsrf = (await casey.locator('.who input[name="csrf"]').getAttribute('value')) ?? ''
    const refused = await casey.request.post(`${staff.origin}/api/sent/cancel`, {
      form: { csrf: caseyCsrf, id, channel: 'email' },
      headers: { origin: staff.origin },
      maxRedirects: 0,
    })
    expect(refused.status()).toBe(403)
    expect(staff.output()).toMatch(/REFUSED POST \/api\/sent\/cancel by Casey Caseworker \(casey\): needs the supervise permission/)
    await casey.close()
    await page.close()

    page = await signIn(browser.context, staff.origin, 'sam')
    await page.goto(`${staff.origin}/sent`)
    expect(await rowOf(page).locator('td.state').textContent()).toBe('Queued')
    await rowOf(page).getByRole('button', { name: 'Cancel' }).click()
    await page.waitForURL(/\/sent\?notice=/)
    expect(await page.locator('.notice').textContent()).toBe(`Message ${id} is cancelled: it will not be sent.`)
    expect(await rowOf(page).locator('td.state').textContent()).toBe('Cancelled')
    expect(await rowOf(page).getByRole('button').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    const csv = await (await page.request.get(`${staff.origin}/api/audit.csv`)).text()
    expect(csv).toMatch(/Sam Supervisor,supervisor,cancelled,ok,cancelled email [0-9a-f-]{36} \(cyber-crime-and-fraud\),c\*\*\*@example\.org/)
    expect(csv).toMatch(/Casey Caseworker,caseworker,POST \/api\/sent\/cancel,refused/)

    // The worker runs again: a message queued after the cancelled one arrives, the cancelled one never does.
    worker = startEmailWorker(workerEnv())
    const before = smtp.messages.length
    const control = await runEmailCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'after.cancel@example.org', '--queue-only'], shared)
    expect(control.code).toBe(0)
    await until('the message queued after the cancel at the SMTP server', () =>
      smtp.messages.slice(before).find((m) => JSON.stringify(m.to).includes('after.cancel@example.org')),
    )
    await wait(1500)
    expect(smtp.messages.map((m) => JSON.stringify(m.to)).filter((to) => to.includes('cancel.me@example.org'))).toEqual([])
    // A second cancel of the same message says why it cannot.
    const csrf = (await page.locator('.who input[name="csrf"]').getAttribute('value')) ?? ''
    const again = await page.request.post(`${staff.origin}/api/sent/cancel`, {
      form: { csrf, id, channel: 'email' },
      headers: { origin: staff.origin },
      maxRedirects: 0,
    })
    expect(again.status()).toBe(303)
    expect(decodeURIComponent(again.headers().location ?? '')).toContain(`Message ${id} was not cancelled: it was already cancelled by Sam Supervisor.`)
    await page.reload()
    expect(await rowOf(page).locator('td.state').textContent()).toBe('Cancelled')
    await page.close()
  })

  test('a name from the identity provider with markup, Urdu and a line break is shown as text and logged on one line', async () => {
    const page = await signIn(browser.context, staff.origin, 'hostile')
    const who = (await page.locator('.who span').textContent()) ?? ''
    expect(who).toContain('<img src=x onerror=alert(1)> رضا علی')
    expect(await page.locator('header img').count()).toBe(0)
    expect(staff.output()).toMatch(/sign-in by <img src=x onerror=alert\(1\)> رضا علی Injected: yes \(hostile\)/)
    expect(staff.output()).not.toMatch(/^Injected: yes/m)
    await page.close()
  })

  test('an account with no Signpost role cannot sign in', async () => {
    await browser.context.clearCookies()
    const page = await browser.context.newPage()
    await page.route(/^https:\/\//, (route) => route.abort())
    await page.goto(`${staff.origin}/signin`)
    await page.getByRole('link', { name: 'Sign in with your organisation account' }).click()
    await page.locator('input[name="login"]').fill('nobody')
    await page.locator('input[name="password"]').fill('x')
    await page.getByRole('button', { name: 'Sign-in' }).click()
    const answer = page.waitForResponse((r) => r.url().includes('/api/auth/callback'))
    await page.getByRole('button', { name: 'Continue' }).click()
    expect((await answer).status()).toBe(403)
    expect(await page.locator('body').textContent()).toContain('no Signpost role')
    await page.close()
  })
})
