// Phone numbers and text-message instructions in running text ("call Action Fraud on 0300 123 2040", "text DVS to
// 82228"), found with the same rules that check contact points, so every number a reader sees can be tapped.
import { findPhoneNumbers } from './phone.js'
import { findSmsInstructions } from './sms.js'

export type ContactNumber = {
  kind: 'phone' | 'sms'
  /** UTF-16 offsets into the text: `text.slice(start, end)` is the number or the whole instruction. */
  start: number
  end: number
  text: string
  /** `tel:+443001232040`, `tel:999` or `sms:82228?body=DVS`. */
  href: string
}

/** Every UK phone number and text instruction in `text`, in order, never overlapping (an instruction wins). */
export function findContactNumbers(text: string): ContactNumber[] {
  const sms: ContactNumber[] = findSmsInstructions(text).map((s) => ({ kind: 'sms', start: s.start, end: s.end, text: s.text, href: s.sms.href }))
  const phones: ContactNumber[] = findPhoneNumbers(text).map((p) => ({ kind: 'phone', start: p.start, end: p.end, text: p.text, href: p.phone.href }))
  const out: ContactNumber[] = []
  for (const c of [...sms, ...phones].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1)
    if (last && c.start < last.end) continue
    out.push(c)
  }
  return out
}
