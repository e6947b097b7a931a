// The guide in every language of the embedded dataset (English, Welsh, Polish, Urdu), in real Chromium: the Urdu page
// is right to left (lang="ur" dir="rtl" on <html>), mirrors its layout, fits a 320 px phone and passes axe; phone
// numbers read in the right order inside Urdu text; every version names the others as hreflang alternates and links
// them in a language list that works without JavaScript; the sitemap lists every language; search finds the Urdu
// guide by an Urdu word; the Urdu page downloads no font (the phone's own Arabic-script font is used); the email
// form on a translated page sends its language.
import { embeddedSource, loadContent, SUPPORTED_LANGUAGES, viewGuide, type Content, type GuideView } from '@signpost/content'
import { launchChromium, type Browser } from '@signpost/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { HOSTILE_SLUG } from './fixtures'
import { axeViolations, GUIDE, url } from './site'

const SLUG = 'cyber-crime-and-fraud'
const UR = `/ur/guides/${SLUG}`
const path = (code: string) => (code === 'en' ? GUIDE : `/${code}/guides/${SLUG}`)

let content: Content
let views: Record<string, GuideView>
let desktop: Browser
let phone: Browser
let noScript: Browser

beforeAll(async () => {
  content = await loadContent({ source: embeddedSource(inject('datasetFile')) })
  views = Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l.code, viewGuide(content, SLUG, 'derbyshire', l.code)]))
  ;[desktop, phone, noScript] = await Promise.all([
    launchChromium(),
    launchChromium({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }),
    launchChromium({ javaScriptEnabled: false }),
  ])
})
afterAll(async () => Promise.all([desktop?.close(), phone?.close(), noScript?.close()]))

async function open(browser: Browser, address: string): Promise<Page> {
  const page = await browser.context.newPage()
  const response = await page.goto(url(address))
  expect(response?.status(), address).toBe(200)
  await page.evaluate(() => document.fonts.ready)
  return page
}

test('the dataset has the guide in every supported language (what the rest of this file tests)', () => {
  expect(Object.values(views).map((v) => v.language.code)).toEqual(['en', 'cy', 'pl', 'ur'])
  expect(views.ur?.language.dir).toBe('rtl')
})

describe.each(SUPPORTED_LANGUAGES.map((l) => l.code))('the %s guide page', (code) => {
  test('is in its language: lang and dir on <html>, its title, fixed words from its phrases', async () => {
    const view = views[code]!
    const page = await open(desktop, path(code))
    expect(await page.locator('html').getAttribute('lang')).toBe(view.language.tag)
    expect(await page.locator('html').getAttribute('dir')).toBe(view.language.dir)
    expect(await page.locator('h1').textContent()).toBe(view.guide.title)
    expect(await page.locator('#who-can-help').textContent()).toBe(view.phrases.t('common.whoCanHelp'))
    expect(await page.locator('.govuk-exit-this-page__button').innerText()).toContain(view.phrases.t('site.exitThisPage'))
    expect(await page.locator('.skip-link').textContent()).toBe(view.phrases.t('site.skipToContent'))
    // The text instruction reads as one line of words with their spaces (innerText follows the rendering: a flex
    // item per word once showed "TextDVSto82228").
    const sms = view.primarySupport?.contactPoints.find((c) => c.kind === 'sms')
    expect(sms).toBeDefined()
    expect(await page.locator('a.contact-sms').first().innerText()).toBe(
      view.phrases.t('common.smsInstruction', { keyword: sms!.keyword, shortCode: sms!.shortCode }),
    )
    await page.close()
  })

  test('names every version as an hreflang alternate, itself and x-default (English) included', async () => {
    const page = await open(desktop, path(code))
    // Absolute addresses on the site's origin (SIGNPOST_SITE_URL when the page was built), the canonical's.
    const canonical = new URL((await page.locator('head link[rel="canonical"]').getAttribute('href')) ?? '')
    expect(canonical.pathname).toBe(path(code))
    const alternates = await page
      .locator('head link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]))
    expect(Object.fromEntries(alternates)).toEqual({
      ...Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l.tag, `${canonical.origin}${path(l.code)}`])),
      'x-default': `${canonical.origin}${GUIDE}`,
    })
    await page.close()
  })

  test('axe finds no WCAG 2.2 A/AA violation', async () => {
    const page = await open(desktop, path(code))
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('the Urdu page, right to left', () => {
  test.each([UR, '/ur', `/ur/search?q=${encodeURIComponent('فراڈ')}`, `/ur/guides/${SLUG}/email-sent`, path('cy'), path('pl'), '/cy', '/pl'])(
    '%s is no wider than a 320 px phone',
    async (address) => {
      const page = await open(phone, address)
      expect(await page.locator('html').getAttribute('dir')).toBe(address.startsWith('/ur') ? 'rtl' : 'ltr')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      await page.close()
    },
  )

  test('on a 360×640 phone the exit control, 999 and the local service’s number are on the first screen, as in English', async () => {
    const small = await launchChromium({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })
    try {
      const page = await open(small, UR)
      const phone = views.ur!.primarySupport!.contactPoints.find((c) => c.kind === 'phone')!
      for (const selector of ['.govuk-exit-this-page__button', 'a[href="tel:999"]', `a.help-call[href="${phone.href}"]`]) {
        const box = await page.locator(selector).first().boundingBox()
        expect(box, selector).not.toBeNull()
        expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= 360 && box!.y + box!.height <= 640, `${selector} ${JSON.stringify(box)}`).toBe(true)
      }
    } finally {
      await small.close()
    }
  })

  test.each(['/ur', `/ur/search?q=${encodeURIComponent('مدد')}`, `/ur/guides/${SLUG}/email-sent`, '/search?q=%D9%85%D8%AF%D8%AF'])(
    '%s: axe finds no WCAG 2.2 A/AA violation',
    async (address) => {
      const page = await open(desktop, address)
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    },
  )

  test('mirrors: the emergency notice’s bar is on the right, the skip link starts at the right edge', async () => {
    const [ur, en] = await Promise.all([open(desktop, UR), open(desktop, GUIDE)])
    const bars = (page: Page) =>
      page.locator('.emergency').evaluate((el) => ({ left: getComputedStyle(el).borderLeftWidth, right: getComputedStyle(el).borderRightWidth }))
    expect(await bars(ur)).toEqual({ left: '0px', right: '8px' })
    expect(await bars(en)).toEqual({ left: '8px', right: '0px' })
    // The first step's number is on the right of its text in Urdu (the list mirrors).
    const side = (page: Page) =>
      page
        .locator('.steps li')
        .first()
        .evaluate((li) => {
          const box = li.getBoundingClientRect()
          const list = li.parentElement!.getBoundingClientRect()
          return box.right < list.right - 10 ? 'indented from the right' : box.left > list.left + 10 ? 'indented from the left' : 'flush'
        })
    expect(await side(ur)).toBe('indented from the right')
    expect(await side(en)).toBe('indented from the left')
    await Promise.all([ur.close(), en.close()])
  })

  test('phone numbers read left to right inside the Urdu text (isolated), and would not without the isolation', async () => {
    const page = await open(desktop, UR)
    const numbers = page.locator('main a[href^="tel:"]:not([href="tel:999"])')
    expect(await numbers.count()).toBeGreaterThan(2)
    // For each number: is its first digit drawn left of its last? (What a reader sees, from the glyph positions.)
    const inOrder = () =>
      numbers.evaluateAll((links) =>
        links.map((a) => {
          const text = a.querySelector('bdi') ?? a
          const node = [...text.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && /\d.*\s.*\d/.test(n.textContent ?? ''))
          if (!node) return { number: a.textContent, leftToRight: true, spaced: false }
          const s = node.textContent ?? ''
          const box = (i: number) => {
            const r = document.createRange()
            r.setStart(node, i)
            r.setEnd(node, i + 1)
            return r.getBoundingClientRect()
          }
          return { number: s, leftToRight: box(0).left < box(s.length - 1).left, spaced: true }
        }),
      )
    const isolated = await inOrder()
    expect(isolated.filter((n) => n.spaced).length).toBeGreaterThan(0)
    expect(isolated.filter((n) => !n.leftToRight)).toEqual([])
    // The same page without the isolation (dir removed from the links and their <bdi>s) scrambles them: the check can fail.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('main a[href^="tel:"], main a[href^="tel:"] [dir], .help-call-number')) el.removeAttribute('dir')
    })
    expect((await inOrder()).filter((n) => n.spaced && !n.leftToRight).length).toBeGreaterThan(0)
    await page.close()
  })

  test('organisation names in Latin inside Urdu text are marked as English', async () => {
    const page = await open(desktop, UR)
    const names = await page
      .locator('section.organisation h3 a bdi')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.getAttribute('dir'), e.textContent]))
    expect(names.length).toBe(views.ur!.organisations.length)
    expect(names).toEqual(views.ur!.organisations.map((o) => ['en-GB', 'ltr', o.name]))
    expect(await page.locator('.help-call-name bdi').getAttribute('lang')).toBe('en-GB')
    await page.close()
  })

  test('its <title> isolates the Urdu title and the English service name (a title cannot carry markup)', async () => {
    const page = await open(desktop, UR)
    const title = await page.title()
    expect(title).toContain(`\u2068${views.ur!.guide.title}\u2069`)
    expect(title).toContain(`\u2068${views.ur!.settings.identity.name}\u2069`)
    await page.close()
  })

  test('the notices: not yet checked by a qualified translator, with the English version offered', async () => {
    const page = await open(desktop, UR)
    const notice = page.locator('.translation-notice')
    expect(views.ur!.guide.translation?.reviewed).toBe(false)
    expect(await notice.innerText()).toContain(views.ur!.phrases.t('common.translationUnchecked'))
    const english = notice.locator('a')
    expect(await english.getAttribute('href')).toBe(GUIDE)
    expect(await english.getAttribute('hreflang')).toBe('en-GB')
    await page.close()
  })

  test('downloads no font: the phone’s own Arabic-script font draws the Urdu', async () => {
    const page = await desktop.context.newPage()
    const fonts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname)
    })
    await page.goto(url(UR), { waitUntil: 'networkidle' })
    await page.evaluate(() => document.fonts.ready)
    // Only the Latin brand faces (for the organisation names and numbers), never an Arabic-script font file.
    expect(fonts.filter((f) => !/atkinson-hyperlegible-next-latin/.test(f))).toEqual([])
    const family = await page.locator('main p.lead').evaluate((p) => getComputedStyle(p).fontFamily)
    expect(family).toMatch(/^"Noto Nastaliq Urdu"/)
    await page.close()
  })
})

test('the language list works without JavaScript: links with native names, lang and hreflang, both ways', async () => {
  const page = await noScript.context.newPage()
  await page.goto(url(GUIDE))
  const list = page.locator('nav.language-list')
  expect(await list.getAttribute('aria-label')).toBe(views.en!.phrases.t('common.languages'))
  const links = await list
    .locator('a')
    .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('lang'), a.getAttribute('hreflang')]))
  expect(links).toEqual(SUPPORTED_LANGUAGES.filter((l) => l.code !== 'en').map((l) => [l.nativeName, path(l.code), l.tag, l.tag]))
  expect(await list.locator('[aria-current="page"]').textContent()).toBe('English')
  await list.getByRole('link', { name: 'اردو' }).click()
  await page.waitForURL(url(UR))
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect(await page.locator('h1').textContent()).toBe(views.ur!.guide.title)
  await page.locator('nav.language-list').getByRole('link', { name: 'English' }).click()
  await page.waitForURL(url(GUIDE))
  expect(await page.locator('html').getAttribute('lang')).toBe('en-GB')
  await page.close()
})

test('the home page in each language lists that language’s guides and links the others', async () => {
  const page = await open(desktop, '/ur')
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect(await page.locator('.card-list a').first().getAttribute('href')).toBe(UR)
  expect(await page.locator('.card-list a').first().textContent()).toBe(views.ur!.guide.title)
  expect(new URL((await page.locator('head link[hreflang="en-GB"]').getAttribute('href')) ?? '').pathname).toBe('/')
  const en = await open(desktop, '/')
  expect(new URL((await en.locator('head link[hreflang="ur"]').getAttribute('href')) ?? '').pathname).toBe('/ur')
  expect(await en.locator('nav.language-list a[hreflang="ur"]').getAttribute('href')).toBe('/ur')
  await Promise.all([page.close(), en.close()])
})

test('a language the site does not have, or a guide not translated, is not found', async () => {
  for (const address of ['/xx/guides/cyber-crime-and-fraud', '/en/guides/cyber-crime-and-fraud', '/ur/guides/no-such-guide', '/xx']) {
    expect((await fetch(url(address))).status, address).toBe(404)
  }
})

test('the sitemap lists every language’s pages, each with its alternates', async () => {
  const xml = await (await fetch(url('/sitemap.xml'))).text()
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
  for (const l of SUPPORTED_LANGUAGES) {
    expect(locs).toContain(url(path(l.code)))
    expect(locs).toContain(url(l.code === 'en' ? '/' : `/${l.code}`))
  }
  const urEntry = xml.split('<url>').find((e) => e.includes(`<loc>${url(UR)}</loc>`)) ?? ''
  for (const l of SUPPORTED_LANGUAGES) expect(urEntry).toContain(`hreflang="${l.tag}" href="${url(path(l.code))}"`)
  expect(urEntry).toContain(`hreflang="x-default" href="${url(GUIDE)}"`)
})

test('search finds the Urdu guide by an Urdu word, from the English search page and the Urdu one', async () => {
  // A word of the Urdu title (the longest, so it is not a word every guide has).
  const word = views.ur!.guide.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!
  for (const address of [`/search?q=${encodeURIComponent(word)}`, `/ur/search?q=${encodeURIComponent(word)}`]) {
    const page = await open(desktop, address)
    const hit = page.locator(`section[aria-labelledby="guide-results"] a[href="${UR}"]`)
    expect(await hit.count(), address).toBe(1)
    expect(await hit.textContent()).toBe(views.ur!.guide.title)
    if (address.startsWith('/search')) expect(await hit.getAttribute('lang')).toBe('ur')
    await page.close()
  }
})

test('the email form on the Urdu page sends its language and comes back to the Urdu confirmation', async () => {
  const page = await noScript.context.newPage()
  await page.goto(url(UR))
  // The form's own fields, as the browser would send them (the honeypot filled, so the site thanks and queues
  // nothing: the shared outbox is other tests' to count; the email itself in Urdu is MESSAGE-LANG's test).
  const fields = await page
    .locator('form[action="/api/email-me"] input[name]')
    .evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name') ?? '', (i as HTMLInputElement).value]))
  expect(Object.fromEntries(fields)).toMatchObject({ guide: SLUG, lang: 'ur' })
  const body = new URLSearchParams(fields)
  body.set('email', 'urdu.reader@example.com')
  body.set('website', 'http://spam.example')
  const res = await fetch(url('/api/email-me'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  })
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe(`${UR}/email-sent`)
  await page.goto(url(`${UR}/email-sent`))
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect(await page.locator('h1').textContent()).toBe(views.ur!.phrases.t('site.emailSentHeading'))
  expect(await page.locator('main a').last().getAttribute('href')).toBe(UR)
  await page.close()
})

test('the Urdu page’s leaflet links download the Urdu leaflet', async () => {
  const page = await open(desktop, UR)
  const links = page.locator('.downloads a')
  expect(await links.count()).toBe(2)
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/\?lang=ur$/)
    const res = await fetch(url(href))
    expect(res.status, href).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/filename="cyber-crime-and-fraud-ur(-large-print)?\.pdf"/)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  }
  await page.close()
})

test('a problem with the email form on the Urdu page is explained on the Urdu page, right to left', async () => {
  const page = await open(desktop, `${UR}/email-problem?email=invalid-address`)
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
  expect(await page.locator('h1').textContent()).toBe(views.ur!.guide.title)
  expect(await page.locator('.error-summary a').textContent()).toBe(views.ur!.phrases.t('site.emailErrorInvalidAddress'))
  expect(await page.locator('#email-address').getAttribute('dir')).toBe('ltr')
  expect(await axeViolations(page)).toEqual([])
  await page.close()
})

test('a guide only in English has no language list and no alternates, and no page in another language', async () => {
  const page = await open(desktop, `/guides/${HOSTILE_SLUG}`)
  expect(await page.locator('nav.language-list').count()).toBe(0)
  expect(await page.locator('head link[rel="alternate"][hreflang]').count()).toBe(0)
  await page.close()
  expect((await fetch(url(`/ur/guides/${HOSTILE_SLUG}`))).status).toBe(404)
})
