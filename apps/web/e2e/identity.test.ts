// Every page carries the service's own identity from the site settings, not the software's name: the logo (served
// by the site itself, never a file: URL) with its alt text, the name in the title and footer, the funder line and
// the accent colour as the header band. Readers see "Checked 1 November 2026"; the revision is only in a meta tag.
import { defaultDatasetPath, embeddedSource, loadContent, type Content } from '@signpost/content'
import { launchChromium, type Browser } from '@signpost/chromium'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GUIDE, origin, url } from './site'

let chromium: Browser
let content: Content
beforeAll(async () => {
  chromium = await launchChromium()
  // The seed the site was built from (the test dataset is a copy of it plus test guides).
  content = await loadContent({ source: embeddedSource(defaultDatasetPath()) })
})
afterAll(async () => chromium?.close())

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`

test('the seed dataset is Derbyshire Victim Services, with a logo and a funder line', () => {
  const { identity } = content.settings
  expect(identity.name).toBe('Derbyshire Victim Services')
  expect(identity.funderLine).toBe('Funded by the Police and Crime Commissioner for Derbyshire')
  expect(identity.logo?.alt).toBeTruthy()
})

describe.each(['/', GUIDE, '/organisations', '/organisations/derbyshire-victim-services', '/search?q=fraud', '/no-such-page'])('%s', (path) => {
  test('shows the service’s logo, name, funder line and accent colour, and never "Signpost"', async () => {
    const { identity } = content.settings
    const page = await chromium.context.newPage()
    const logoRequests: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'image') logoRequests.push(r.url())
    })
    await page.goto(url(path), { waitUntil: 'load' })
    const title = await page.title()
    expect(title === identity.name || title.endsWith(` - ${identity.name}`), title).toBe(true)
    expect(title).not.toContain('Signpost')

    const logo = page.locator('header img.site-logo')
    expect(await logo.getAttribute('alt')).toBe(identity.logo?.alt)
    const src = (await logo.getAttribute('src')) ?? ''
    expect(src).toMatch(/^\/identity\/logo-[0-9a-f]{16}\.png$/)
    expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(identity.logo?.width)
    expect(logoRequests).toEqual([`${origin()}${src}`])
    // The header link home is named for the service (the logo's alt text).
    expect(await page.getByRole('link', { name: identity.name, exact: true }).first().getAttribute('href')).toBe('/')

    const html = await page.content()
    expect(html).not.toContain('file:')
    expect(await page.locator('body').innerText()).not.toContain('Signpost')
    const footer = await page.locator('.site-footer').innerText()
    expect(footer).toContain(identity.name)
    expect(footer).toContain(identity.funderLine)
    expect(await page.locator('.site-band').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(identity.accentColour))
    await page.close()
  })
})

test('the logo is served by the site as the image it is', async () => {
  const html = await (await fetch(url('/'))).text()
  const src = /<img class="site-logo" src="([^"]+)"/.exec(html)?.[1]
  expect(src).toBeTruthy()
  const res = await fetch(url(src ?? ''))
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100)
})

test('a guide says when it was checked in words, and keeps its revision out of the reader’s text', async () => {
  const guide = content.guides.find((g) => g.slug === 'cyber-crime-and-fraud')
  const page = await chromium.context.newPage()
  await page.goto(url(GUIDE))
  expect(await page.locator('main .meta').innerText()).toBe('Checked 1 November 2026')
  const text = await page.locator('body').innerText()
  expect(text).not.toContain('revision')
  expect(text).not.toContain('2026-11-01')
  expect(text).not.toContain(guide?.revision.slice(0, 7))
  expect(await page.locator('meta[name="content-revision"]').getAttribute('content')).toBe(guide?.revision)
  await page.close()
})
