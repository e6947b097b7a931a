// The safety headers every response carries (item 10 of the issue), in one place for next.config and API routes.
// The policy and the base headers come from @signpost/headers, shared with the staff console; HSTS and the Studio's
// framing are the site's own.
import { baseHeaders, contentSecurityPolicy, type Header, type PolicyOptions } from '@signpost/headers'

export const STUDIO_ORIGIN_DEFAULT = 'http://localhost:3333'
/** Next's draft-mode cookie: while it is set, the Studio may frame pages for its preview. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

export { contentSecurityPolicy, type Header, type PolicyOptions }

/** Two years, the value HSTS preload lists ask for; only sent when the site's own address is https. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains'

/**
 * The headers that are the same on every response, whatever the route (pages, API, static files, 404, the
 * server wrapper's own 400/413 answers): no opener and no embedding by other origins, and HSTS once the site is https.
 * Cross-Origin-Resource-Policy does not stop the Studio framing the preview routes: browsers apply it to
 * subresources (images, scripts, PDFs in <object>), and to frames only under a Cross-Origin-Embedder-Policy.
 */
export function universalHeaders(env: NodeJS.ProcessEnv = process.env): Header[] {
  const headers = baseHeaders()
  if (siteIsHttps(env)) headers.push({ key: 'Strict-Transport-Security', value: HSTS_VALUE })
  return headers
}

/** Whether SIGNPOST_SITE_URL, the site's public address, is https (an unset or unparsable one is not). */
export function siteIsHttps(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return new URL(env.SIGNPOST_SITE_URL ?? '').protocol === 'https:'
  } catch {
    return false
  }
}

export function securityHeaders(env: NodeJS.ProcessEnv = process.env): Header[] {
  return [{ key: 'Content-Security-Policy', value: contentSecurityPolicy() }, ...universalHeaders(env), { key: 'X-Frame-Options', value: 'DENY' }]
}

export function studioOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const origin = env.SIGNPOST_STUDIO_ORIGIN || STUDIO_ORIGIN_DEFAULT
  return new URL(origin).origin
}

/** For the Studio's preview views only (leaflet PDFs, email previews): the Studio may frame them. */
export function framableHeaders(env: NodeJS.ProcessEnv = process.env): Header[] {
  return [...universalHeaders(env), { key: 'Content-Security-Policy', value: contentSecurityPolicy({ frameAncestors: `'self' ${studioOrigin(env)}` }) }]
}

/** API routes set the headers themselves too, so they hold whatever the routing layer does. */
export function applyHeaders(res: { setHeader(key: string, value: string): unknown }, headers: Header[] = securityHeaders()): void {
  for (const h of headers) res.setHeader(h.key, h.value)
}
