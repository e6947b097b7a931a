// The strict headers every console response carries: the same policy as the public site (apps/web/lib/securityHeaders.ts:
// script-src 'self' with no inline scripts, nobody may frame it, no referrer), plus no-store, since every console page
// shows personal data or a staff member's own work. Kept here rather than imported from apps/web, whose lib/ is not a
// package and is being changed by its owner.
export type Header = { key: string; value: string }

export function consoleCsp(options: { frameAncestors?: string; inlineStyles?: boolean; sandbox?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
    ...(options.sandbox ? ['sandbox'] : []),
  ].join('; ')
}

export function consoleHeaders(): Header[] {
  return [
    { key: 'Content-Security-Policy', value: consoleCsp() },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    { key: 'Cache-Control', value: 'no-store' },
  ]
}

/** The email preview frame: the email's own inline styles are allowed, scripts never, and only this console may frame it. */
export function previewFrameHeaders(): Header[] {
  return [
    ...consoleHeaders().filter((h) => h.key !== 'Content-Security-Policy' && h.key !== 'X-Frame-Options'),
    { key: 'Content-Security-Policy', value: consoleCsp({ frameAncestors: "'self'", inlineStyles: true, sandbox: true }) },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  ]
}
