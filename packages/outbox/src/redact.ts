// Servers echo the recipient in their replies ("550 5.1.1 <jo@example.com> unknown", "+447700900123 is not a valid
// number"). Replies are stored, printed by `status`, returned by the API and logged, so whatever identifies a person
// is masked before it goes anywhere, whatever the channel: the recipient's own address or number and name, and any
// other email address or UK mobile number in the text.
import { rules } from '@signpost/content'

// Local part and domain as they appear in replies: no spaces, no angle brackets, a dotted domain.
const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g
// A UK mobile number written any usual way: 07700 900123, +44 7700 900123, 447700900123.
const MOBILE = /(?<![\d+])(?:\+?44\s?\(?0?\)?\s?|0)7(?:[\s-]?\d){9}(?!\d)/g

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A UK mobile number as people may see it: 07*** ***123 (only the last three digits; the rule in @signpost/content). */
export const maskMobileNumber = (number: string): string => rules.maskUkMobile(number)

/**
 * Masks the recipient's `known` address or number (as `masked`) and name (as "[recipient]") in any letter case, then
 * every other email address and UK mobile number left in `text`.
 */
export function maskRecipientsIn(text: string, known: (string | null | undefined)[] = []): string {
  let out = text
  for (const k of known) {
    const value = k?.trim()
    if (!value) continue
    const replacement = value.includes('@') ? rules.maskEmailAddress(value) : /^\+?[\d\s()-]{7,}$/.test(value) ? maskMobileNumber(value) : '[recipient]'
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu'), replacement)
  }
  return out.replace(ADDRESS, (address) => (/^.\*\*\*@/.test(address) ? address : rules.maskEmailAddress(address))).replace(MOBILE, (n) => maskMobileNumber(n))
}
