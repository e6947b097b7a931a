// Site-wide settings that come from the environment: which area this site serves and where it lives.
import { siteUrlFromEnv, type Content } from '@signpost/content'

/** The one area this site serves: SIGNPOST_AREA, else the site settings' default. */
export function siteArea(content: Content): string {
  return process.env.SIGNPOST_AREA || content.settings.defaultArea
}

/** The site's public origin, without a trailing slash (SIGNPOST_SITE_URL, default http://localhost:3000). */
export function siteUrl(): string {
  return siteUrlFromEnv().replace(/\/+$/, '')
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`
}
