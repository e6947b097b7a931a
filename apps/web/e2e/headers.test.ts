// Every route carries the safety headers: CSP with no inline script and no other origin, no referrer,
// nosniff, a Permissions-Policy denying camera/microphone/geolocation, no opener and no embedding by other
// origins (COOP and CORP same-origin), no framing (the Studio's preview routes excepted, framable by the Studio
// only), and no cookie on public pages; HSTS once the site's address is https. A request whose target is a
// whole address on another host gets 400 with those headers, not a redirect to that host.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { allPages, GUIDE, origin, url } from './site'
import { startSite, type RunningSite } from './startSite'

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
  expect(h.get('cross-origin-opener-policy'), path).toBe('same-origin')
  expect(h.get('cross-origin-resource-policy'), path).toBe('same-origin')
  return csp
}

/** Sends request lines exactly as written (fetch cannot send an absolute-form target) and parses the answer's head. */
async function rawRequest(base: string, requestLine: string): Promise<{ status: number; headers: Headers; body: string }> {
  const { hostname, port } = new URL(base)
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`))
    let received = ''
    socket.on('data', (d) => (received += d.toString()))
    socket.on('end', () => resolve(received))
    socket.on('error', reject)
  })
  const [head = '', body = ''] = text.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers = new Headers()
  for (const line of lines) headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim())
  return { status: Number(statusLine.split(' ')[1]), headers, body }
}

test('every route carries the safety headers and no framing', async () => {
  for (const path of await routes()) {
    const res = await fetch(url(path), { redirect: 'manual' })
    const csp = checkCommon(path, res.headers)
    expect(csp, path).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options'), path).toBe('DENY')
    // The test site's address is http: no HSTS (a browser would then refuse the site over http).
    expect(res.headers.get('strict-transport-security'), path).toBeNull()
    if (!path.startsWith('/api/draft-mode')) expect(res.headers.get('set-cookie'), path).toBeNull()
  }
})

test('a request for an address on another host gets 400 with the safety headers, not a redirect there', async () => {
  for (const target of ['http://evil.example/', 'https://evil.example/guides/cyber-crime-and-fraud', `http://evil.example${GUIDE}?q=1`]) {
    const res = await rawRequest(origin(), `GET ${target} HTTP/1.1`)
    expect(res.status, target).toBe(400)
    expect(res.headers.get('location'), target).toBeNull()
    expect(res.body, target).not.toContain('evil.example')
    expect(res.body, target).toContain('only answers requests for its own paths')
    expect(checkCommon(target, res.headers)).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options'), target).toBe('DENY')
  }
  // A path starting with two slashes is redirected on this host only, and that redirect carries the headers too.
  const doubled = await rawRequest(origin(), 'GET //evil.example/ HTTP/1.1')
  expect(doubled.status).toBe(308)
  expect(doubled.headers.get('location')).toBe('/evil.example/')
  checkCommon('//evil.example/', doubled.headers)
})

describe('with an https site address', () => {
  let https: RunningSite
  beforeAll(async () => {
    https = await startSite(() => ({
      SIGNPOST_SITE_URL: 'https://signpost.example',
      SIGNPOST_DATASET: inject('datasetFile'),
      SANITY_PROJECT_ID: '',
      SIGNPOST_AREA: '',
    }))
  })
  afterAll(async () => https?.stop())

  test('every response carries Strict-Transport-Security, the 400 and 404 included', async () => {
    for (const path of [...(await routes()), ...framable]) {
      const res = await fetch(`${https.origin}${path}`, { redirect: 'manual' })
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains')
      checkCommon(path, res.headers)
    }
    const refused = await rawRequest(https.origin, 'GET http://evil.example/ HTTP/1.1')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
  })
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
  expect(
    Buffer.from(await res.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
})
