// Web addresses editors may publish: https only, a real host name, no passwords in the address.
import { fail, pass, type RuleResult } from './result.js'

export function checkHttpsUrl(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add a web address, for example https://www.actionfraud.police.uk.')
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return fail(`"${input}" is not a complete web address. Start it with https://, for example https://www.actionfraud.police.uk.`)
  }
  if (url.protocol !== 'https:') return fail(`Web addresses must start with https:// so they are secure. "${input}" does not.`)
  if (!url.hostname.includes('.')) return fail(`"${input}" does not have a full site name (like www.example.org).`)
  if (url.username || url.password) return fail(`"${input}" has a user name or password in it. Remove them.`)
  return pass(url.toString())
}

/** The address as people read it on paper: no scheme, no trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

/** Link targets a page, email or leaflet may carry; anything else is rendered as plain text. */
export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== 'string') return false
  try {
    return ['http:', 'https:', 'mailto:', 'tel:', 'sms:'].includes(new URL(href.trim()).protocol)
  } catch {
    return false
  }
}
