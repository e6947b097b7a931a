// Every route carries the safety headers: CSP with no inline script and no other origin, no referrer,
// nosniff, a Permissions-Policy denying camera/microphone/geolocation, no framing (the Studio's preview
// routes excepted, framable by the Studio only), and no cookie on public pages.
import { expect, test } from 'vitest'
import { allPages, GUIDE, url } from './site'

const STUDIO = 'http://localhost:3333'

async function routes(): Promise<string[]> {
  const home = await (await fetch(url('/'))).text()
  const assets = [...home.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!)
  return [
    ...(await allPages()),
    ...assets,
    '/fonts/atkinson-hyperlegible-next-latin-400-normal.woff2',
    '/sitemap.xml',
    '/robots.txt',
    '/api/revalidate',
    '/api/email-me',
    '/api/draft-mode/enable',
    '/api/draft-mode/enable?secret=wrong',
    '/api/draft-mode/disable',
  ]
}

const framable = [`${GUIDE}/leaflet.pdf`, `${GUIDE}/leaflet-large-print.pdf`, `${GUIDE}/email-preview`, `${GUIDE}/email-preview.txt`]

function checkCommon(path: string, h: Headers) {
  const csp = h.get('content-security-policy') ?? ''
  expect(csp, path).toContain("default-src 'self'")
  expect(csp, path).toContain("script-src 'self'")
  expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(csp, path).not.toMatch(/https?:\/\/(?!localhost:3333)/)
  expect(csp, path).toContain("object-src 'none'")
  expect(csp, path).toContain("base-uri 'none'")
  expect(h.get('referrer-policy'), path).toBe('no-referrer')
  expect(h.get('x-content-type-options'), path).toBe('nosniff')
  expect(h.get('permissions-policy'), path).toBe('camera=(), microphone=(), geolocation=()')
  return csp
}

test('every route carries the safety headers and no framing', async () => {
  for (const path of await routes()) {
    const res = await fetch(url(path), { redirect: 'manual' })
    const csp = checkCommon(path, res.headers)
    expect(csp, path).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options'), path).toBe('DENY')
    if (!path.startsWith('/api/draft-mode')) expect(res.headers.get('set-cookie'), path).toBeNull()
  }
})

test('the Studio preview routes may be framed by the Studio only', async () => {
  for (const path of framable) {
    const res = await fetch(url(path))
    expect(res.status, path).toBe(200)
    const csp = checkCommon(path, res.headers)
    expect(csp, path).toContain(`frame-ancestors 'self' ${STUDIO}`)
    expect(res.headers.get('set-cookie'), path).toBeNull()
  }
})

test('the leaflet routes serve PDFs as downloads with the right names', async () => {
  const res = await fetch(url(`${GUIDE}/leaflet.pdf`))
  expect(res.headers.get('content-type')).toBe('application/pdf')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/)
  expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
})
