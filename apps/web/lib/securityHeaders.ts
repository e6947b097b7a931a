// The safety headers every response carries (item 10 of the issue), in one place for next.config and API routes.
export const STUDIO_ORIGIN_DEFAULT = 'http://localhost:3333'
/** Next's draft-mode cookie: while it is set, the Studio may frame pages for its preview. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

export type PolicyOptions = {
  /** Who may frame the response (default: nobody). */
  frameAncestors?: string
  /** Inline style attributes: only for the email preview, whose styles must be inline as email requires. */
  inlineStyles?: boolean
}

export function contentSecurityPolicy({ frameAncestors = "'none'", inlineStyles = false }: PolicyOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

export type Header = { key: string; value: string }

/** Two years, the value HSTS preload lists ask for; only sent when the site's own address is https. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains'

/**
 * The headers that are the same on every response, whatever the route (pages, API, static files, 404, the
 * server wrapper's own 400/413 answers): no opener and no embedding by other origins, and HSTS once the site is https.
 * Cross-Origin-Resource-Policy does not stop the Studio framing the preview routes: browsers apply it to
 * subresources (images, scripts, PDFs in <object>), and to frames only under a Cross-Origin-Embedder-Policy.
 */
export function universalHeaders(env: NodeJS.ProcessEnv = process.env): Header[] {
  const headers: Header[] = [
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ]
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
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
    ...universalHeaders(env),
    { key: 'X-Frame-Options', value: 'DENY' },
  ]
}

export function studioOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const origin = env.SIGNPOST_STUDIO_ORIGIN || STUDIO_ORIGIN_DEFAULT
  return new URL(origin).origin
}

/** For the Studio's preview views only (leaflet PDFs, email previews): the Studio may frame them. */
export function framableHeaders(env: NodeJS.ProcessEnv = process.env): Header[] {
  return [
    ...universalHeaders(env),
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ frameAncestors: `'self' ${studioOrigin(env)}` }) },
  ]
}

/** API routes set the headers themselves too, so they hold whatever the routing layer does. */
export function applyHeaders(res: { setHeader(key: string, value: string): unknown }, headers: Header[] = securityHeaders()): void {
  for (const h of headers) res.setHeader(h.key, h.value)
}
