// Whether the configured public address can be printed or sent: a QR code to localhost sends a victim nowhere.
import { siteUrlFromEnv } from './sources/fromEnv.js'

export type SiteUrlCheck = { siteUrl: string; warning?: string; refuse: boolean }

/** Checks SIGNPOST_SITE_URL for channels that print or send addresses: a warning when unset or local, refusal in production. */
export function checkSiteUrlForOutput(env: NodeJS.ProcessEnv = process.env): SiteUrlCheck {
  const siteUrl = siteUrlFromEnv(env)
  let host = ''
  try {
    host = new URL(siteUrl).hostname
  } catch {
    return {
      siteUrl,
      warning: `SIGNPOST_SITE_URL is not a web address ("${siteUrl}"): set it to the site's public address, e.g. https://victimservices.example.org.`,
      refuse: true,
    }
  }
  const local = host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host) || host === '0.0.0.0'
  if (!env.SIGNPOST_SITE_URL || local) {
    const why = env.SIGNPOST_SITE_URL ? `SIGNPOST_SITE_URL points at ${siteUrl}` : `SIGNPOST_SITE_URL is not set, so links and QR codes point at ${siteUrl}`
    return {
      siteUrl,
      warning: `Warning: ${why}, which readers cannot reach. Set SIGNPOST_SITE_URL to the site's public address before printing or sending.`,
      refuse: env.NODE_ENV === 'production',
    }
  }
  return { siteUrl, refuse: false }
}
