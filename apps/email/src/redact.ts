// SMTP servers echo the recipient in their replies ("550 5.1.1 <jo@example.com> unknown"). Those replies are stored,
// printed by `status`, returned by the API and logged, so every address in them is masked (and the recipient's own
// name removed) before they go anywhere: what the outbox keeps of a message after purge then holds no address at all.
import { rules } from '@signpost/content'

// Local part and domain as they appear in replies: no spaces, no angle brackets, a dotted domain.
const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Masks every email address in `text` as `j***@example.com`; the recipient's `known` address and name too, in any letter case. */
export function maskAddressesIn(text: string, known: (string | null | undefined)[] = []): string {
  let out = text
  for (const k of known) {
    const value = k?.trim()
    if (!value) continue
    const replacement = value.includes('@') ? rules.maskEmailAddress(value) : '[recipient]'
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu'), replacement)
  }
  return out.replace(ADDRESS, (address) => (/^.\*\*\*@/.test(address) ? address : rules.maskEmailAddress(address)))
}
