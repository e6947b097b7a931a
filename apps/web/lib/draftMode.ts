// Who may enter draft mode: with Sanity configured, the Studio's signed preview secret (@sanity/preview-url-secret);
// with the embedded dataset, SIGNPOST_PREVIEW_SECRET. Redirects stay on this site.
import { timingSafeEqual } from 'node:crypto'

export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  try {
    const url = new URL(value, 'http://site.invalid')
    return url.origin === 'http://site.invalid' ? `${url.pathname}${url.search}${url.hash}` : fallback
  } catch {
    return fallback
  }
}

export function previewSecretMatches(given: string | null | undefined, env: Record<string, string | undefined> = process.env): boolean {
  const expected = env.SIGNPOST_PREVIEW_SECRET
  if (!expected || !given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
