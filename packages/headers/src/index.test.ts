// The policy both apps send: the exact strings their browser tests (apps/web/e2e/headers.test.ts, apps/staff/e2e) see.
import { expect, test } from 'vitest'
import { baseHeaders, contentSecurityPolicy } from './index.js'

test('by default nobody may frame a page and no inline style or script runs', () => {
  expect(contentSecurityPolicy()).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
  )
})

test('an email preview frame allows inline styles, names who may frame it and can be sandboxed', () => {
  const csp = contentSecurityPolicy({ frameAncestors: "'self' http://localhost:3333", inlineStyles: true, sandbox: true })
  expect(csp).toContain("style-src 'self' 'unsafe-inline'")
  expect(csp).toContain("frame-ancestors 'self' http://localhost:3333; sandbox")
  expect(csp.endsWith('; sandbox')).toBe(true)
})

test('every response carries no referrer, nosniff and same-origin opener and resource policies', () => {
  expect(baseHeaders().map((h) => `${h.key}: ${h.value}`)).toEqual([
    'Referrer-Policy: no-referrer',
    'X-Content-Type-Options: nosniff',
    'Permissions-Policy: camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy: same-origin',
    'Cross-Origin-Resource-Policy: same-origin',
  ])
})
