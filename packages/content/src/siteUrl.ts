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

/**
 * What a command that prints or sends addresses says before it starts (`doing`, e.g. "print leaflets"): a refusal
 * when the address cannot be given to readers (always for one that is not a web address, for a local one only with
 * NODE_ENV=production), otherwise the warning to print as its first line, if any.
 */
export function siteUrlNotice(doing: string, env: NodeJS.ProcessEnv = process.env): { refusal?: string; warning?: string } {
  const check = checkSiteUrlForOutput(env)
  if (!check.warning) return {}
  if (!check.refuse) return { warning: check.warning }
  const why = check.warning.replace(/^Warning: /, '')
  return { refusal: env.NODE_ENV === 'production' ? `${why} Refusing to ${doing} with NODE_ENV=production.` : why }
}
