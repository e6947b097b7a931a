// The strict headers every console response carries: the same policy as the public site (@signpost/headers, which
// apps/web uses too: script-src 'self' with no inline scripts, nobody may frame it, no referrer), plus no-store,
// since every console page shows personal data or a staff member's own work.
import { baseHeaders, contentSecurityPolicy, type Header } from '@signpost/headers'

export type { Header }

export function consoleHeaders(): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
    ...baseHeaders(),
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cache-Control', value: 'no-store' },
  ]
}

/** The email preview frame: the email's own inline styles are allowed, scripts never, and only this console may frame it. */
export function previewFrameHeaders(): Header[] {
  return [
    ...consoleHeaders().filter((h) => h.key !== 'Content-Security-Policy' && h.key !== 'X-Frame-Options'),
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ frameAncestors: "'self'", inlineStyles: true, sandbox: true }) },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  ]
}
