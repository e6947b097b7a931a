// The safety headers the public site (apps/web) and the staff console (apps/staff) both send, built in one place so
// their policies cannot drift: the Content-Security-Policy (scripts from the site only, no inline scripts, nobody
// frames it unless told) and the headers every response carries. What differs per app is an option or stays in the app.
export type Header = { key: string; value: string }

export type PolicyOptions = {
  /** Who may frame the response (default: nobody). */
  frameAncestors?: string
  /** Inline style attributes: only for email previews, whose styles must be inline as email requires. */
  inlineStyles?: boolean
  /** Adds the `sandbox` directive (no scripts, no forms, an opaque origin): for a frame showing an email. */
  sandbox?: boolean
}

export function contentSecurityPolicy({ frameAncestors = "'none'", inlineStyles = false, sandbox = false }: PolicyOptions = {}): string {
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
    ...(sandbox ? ['sandbox'] : []),
  ].join('; ')
}

/** No referrer, no content sniffing, no camera/microphone/location, no opener and no cross-origin embedding. */
export function baseHeaders(): Header[] {
  return [
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ]
}
