// Oversized request bodies get 413 with the safety headers on every API route (today /api/revalidate answered
// 500 and logged a stack trace): a body declared too large is refused before it is read, and one streamed
// without a length is cut off at the limit.
import { request } from 'node:http'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { expect, inject, test } from 'vitest'
import { GUIDE, origin } from './site'

const LIMIT = 1024 * 1024
const ROUTES = [
  '/api/revalidate',
  '/api/email-me',
  '/api/leaflet?slug=cyber-crime-and-fraud',
  `${GUIDE}/leaflet.pdf`,
  '/api/email-preview?slug=cyber-crime-and-fraud',
  '/api/draft-mode/enable',
  '/api/draft-mode/disable',
  '/api/sitemap',
  '/api/robots',
]

/** POSTs size bytes (declared with Content-Length, or chunked), on kept-alive connections, and returns the answer. */
function post(
  path: string,
  size: number,
  declared: boolean,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(origin())
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': String(size) } : {}), ...headers },
      },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer from ${path} within 20 s`)))
    const chunk = Buffer.alloc(64 * 1024, '{')
    let sent = 0
    const write = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent))
        sent += part.length
        if (!req.write(part)) return void req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}

test('a body declared larger than 1 MiB gets 413 with the safety headers on every API route', async () => {
  for (const path of ROUTES) {
    const res = await post(path, LIMIT + 1, true)
    expect(res.status, path).toBe(413)
    expect(res.headers['content-security-policy'], path).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options'], path).toBe('nosniff')
    expect(res.headers['cross-origin-resource-policy'], path).toBe('same-origin')
    expect(res.body, path).toMatch(/larger than/i)
  }
})

test('a body streamed without a length is cut off at the limit with 413, a signed webhook included', async () => {
  const signature = await encodeSignatureHeader('{}', Date.now(), inject('revalidateSecret'))
  for (const path of ROUTES) {
    const res = await post(path, 3 * LIMIT, false, { [SIGNATURE_HEADER_NAME]: signature })
    expect(res.status, path).toBe(413)
    expect(res.headers['x-content-type-options'], path).toBe('nosniff')
    expect(res.body, path).toMatch(/exceeded|larger than/i)
  }
})

test('a body at the limit is still read (the webhook answers about its signature, not its size)', async () => {
  const res = await post('/api/revalidate', LIMIT, true)
  expect(res.status).toBe(401)
  expect(res.body).toContain('Missing sanity-webhook-signature header')
})
