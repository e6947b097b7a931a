// The Studio frames the site's preview routes (leaflet PDFs, the advice email, draft pages) from its own origin
// (http://localhost:3333 here, SIGNPOST_STUDIO_ORIGIN's default). A stand-in Studio page served from that origin
// (intercepted, so no real server) frames them in Chromium: with Cross-Origin-Resource-Policy and
// Cross-Origin-Opener-Policy on every response they still load, and a public page is still refused.
import { launchChromium, type Browser } from '@signpost/chromium'
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { GUIDE, url } from './site'

const STUDIO = 'http://localhost:3333'
let chromium: Browser

beforeAll(async () => {
  // A response fulfilled by the test counts as coming from the public internet, and Chromium's Local Network
  // Access checks would then block a frame of the site on 127.0.0.1; the real Studio dev server is on loopback too.
  chromium = await launchChromium({ args: ['--disable-features=LocalNetworkAccessChecks'] })
  await chromium.context.route(`${STUDIO}/**`, async (route) => {
    const src = new URL(route.request().url()).searchParams.get('frame') ?? ''
    await route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!doctype html><title>Studio stand-in</title><iframe id="preview" src="${src.replace(/"/g, '&quot;')}" style="width:800px;height:600px"></iframe>`,
    })
  })
})
afterAll(async () => chromium?.close())

/** Opens the stand-in Studio framing src; returns the frame and the requests for src that the browser blocked. */
async function frameFromStudio(page: Page, src: string): Promise<{ frame: Frame | undefined; blocked: string[] }> {
  const blocked: string[] = []
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`))
  await page.goto(`${STUDIO}/desk?frame=${encodeURIComponent(src)}`)
  await page.waitForLoadState('load')
  await page.waitForTimeout(500)
  const frame = page.frames().find((f) => f !== page.mainFrame())
  return { frame, blocked }
}

test('the advice email preview loads inside the Studio', async () => {
  const page = await chromium.context.newPage()
  const { frame, blocked } = await frameFromStudio(page, url(`${GUIDE}/email-preview`))
  expect(blocked).toEqual([])
  expect(frame?.url()).toBe(url(`${GUIDE}/email-preview`))
  expect(await frame?.locator('body').innerText()).toContain('Action Fraud')
  await page.close()
})

test("the leaflet PDF reaches the Studio's frame", async () => {
  const page = await chromium.context.newPage()
  const pdf = url(`${GUIDE}/leaflet.pdf?view=inline`)
  const responses: { status: number; corp: string | null }[] = []
  page.on('response', (r) => r.url() === pdf && responses.push({ status: r.status(), corp: r.headers()['cross-origin-resource-policy'] ?? null }))
  const { frame, blocked } = await frameFromStudio(page, pdf)
  // The frame received the PDF, CORP header and all. Headless Chromium has no PDF viewer, so it then drops the
  // navigation (net::ERR_ABORTED); a CORP or framing refusal would be ERR_BLOCKED_BY_RESPONSE.
  expect(responses).toEqual([{ status: 200, corp: 'same-origin' }])
  expect(blocked.filter((b) => b.includes('BLOCKED'))).toEqual([])
  expect(frame).toBeDefined()
  await page.close()
})

test("other origins cannot embed the site's files (Cross-Origin-Resource-Policy)", async () => {
  const page = await chromium.context.newPage()
  const blocked: string[] = []
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`))
  const script = url('/exit-this-page.js')
  await chromium.context.route(`${STUDIO}/embeds`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>Embeds</title><script src="${script}"></script>` }),
  )
  await page.goto(`${STUDIO}/embeds`)
  await page.waitForLoadState('load')
  expect(blocked).toEqual([`${script} net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin`])
  await page.close()
})

test('in draft mode the guide page loads inside the Studio; a public page is refused', async () => {
  const page = await chromium.context.newPage()
  const enable = url(`/api/draft-mode/enable?secret=${inject('previewSecret')}&redirect=${encodeURIComponent(GUIDE)}`)
  // The draft cookie is set by visiting the site itself first (as the Studio's Presentation tool does).
  await page.goto(enable)
  const drafted = await frameFromStudio(page, url(GUIDE))
  expect(drafted.blocked).toEqual([])
  expect(await drafted.frame?.locator('h1').first().innerText()).toBeTruthy()
  await chromium.context.clearCookies()

  const publicPage = await chromium.context.newPage()
  const { frame } = await frameFromStudio(publicPage, url(GUIDE))
  // frame-ancestors 'none' and X-Frame-Options: DENY: Chromium shows its error page instead of the guide.
  expect(frame?.url()).toMatch(/^chrome-error:/)
  await page.close()
  await publicPage.close()
})
