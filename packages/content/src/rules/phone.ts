// The one definition of a valid UK phone number, shared by the Studio and the content door.
// It also decides how a number is shown (grouped as people say it) and dialled (tel: in E.164).
import { fail, pass, type RuleResult } from './result.js'
import { checkSingleLine, quote } from './text.js'

export type UkPhone = {
  /** As printed and read aloud: "0800 612 6505". */
  display: string
  /** E.164 ("+448006126505"), or the bare short number for 999, 101 and friends. */
  dial: string
  /** `tel:` URI a phone can open. */
  href: string
  /** True for numbers that cost nothing to call from UK phones (0800, 0808, 116 xxx, 999, 111, 112). */
  freeToCall: boolean
}

const SHORT_NUMBERS = new Set(['999', '112', '101', '111', '105', '119'])
const EXAMPLE = 'for example 0800 612 6505, 0300 123 2040 or 101'

function group(digits: string): string {
  if (SHORT_NUMBERS.has(digits)) return digits
  if (/^116\d{3}$/.test(digits)) return `116 ${digits.slice(3)}`
  if (digits.startsWith('02')) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
  if (/^01\d1|^011/.test(digits)) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
  if (digits.startsWith('01') || digits.startsWith('07')) return `${digits.slice(0, 5)} ${digits.slice(5)}`
  return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
}

/**
 * Arabic-Indic and Extended Arabic-Indic (Urdu, Persian) digits as 0–9, one character for one, so offsets into the
 * text stay the same: "۰۸۰۰ ۶۱۲ ۶۵۰۵" in an Urdu translation is the same number as "0800 612 6505".
 */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf))
}

/** Parses a UK number as an editor might type it ("0800 612 6505", "+44 300 123 2040", "101"). */
export function parseUkPhone(input: unknown): RuleResult<UkPhone> {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail(`Add a phone number, ${EXAMPLE}.`)
  }
  const line = checkSingleLine(input)
  if (!line.ok) return line
  if (/[^\d\s()+-]/.test(westernDigits(input))) {
    return fail(`A phone number can only have digits and spaces. ${quote(input)} has other characters.`)
  }
  let digits = westernDigits(input).replace(/[\s()-]/g, '')
  if (digits.startsWith('+44')) digits = `0${digits.slice(3).replace(/^0/, '')}`
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`
  if (digits.includes('+')) {
    return fail(`${quote(input)} is not a UK number. Signpost only lists UK numbers, ${EXAMPLE}.`)
  }
  if (SHORT_NUMBERS.has(digits) || /^116\d{3}$/.test(digits)) {
    const free = digits !== '101' && digits !== '105' && digits !== '119'
    return pass({ display: group(digits), dial: digits, href: `tel:${digits}`, freeToCall: free })
  }
  if (!digits.startsWith('0')) {
    return fail(`A UK phone number starts with 0 (or is a short number like 999 or 101). Check ${quote(input)}.`)
  }
  if (!/^0[1235789]/.test(digits)) {
    return fail(`${quote(input)} does not start like a UK phone number (01, 02, 03, 05, 07, 08 or 09).`)
  }
  if (digits.length !== 11) {
    const off = digits.length < 11 ? 'too few' : 'too many'
    return fail(`${quote(input)} has ${off} digits: a UK phone number has 11 digits, ${EXAMPLE}.`)
  }
  const dial = `+44${digits.slice(1)}`
  return pass({
    display: group(digits),
    dial,
    href: `tel:${dial}`,
    freeToCall: /^080[08]/.test(digits),
  })
}

const GAP = '[ \\u00a0()\\-]{0,2}'
/** A written number's digits may be set apart by spaces, hyphens or brackets: "0300 123 2040", "(01332) 613000". */
const NATIONAL = `\\(?0(?:${GAP}\\d){10}`
const INTERNATIONAL = `(?:\\+|00)44[ \\u00a0]?(?:\\(0\\)[ \\u00a0]?)?\\d(?:${GAP}\\d){9}`
/** 999 and 116 xxx stand alone; 101, 111 and friends only straight after "call", "ring", "dial", "phone" or "on". */
const SHORT = `999|116[ \\u00a0]?\\d{3}|(?<=\\b(?:call|ring|dial|phone|on)[ \\u00a0])(?:101|111|112|105|119)`

/**
 * Where a phone number may be written in running text. Only a candidate: parseUkPhone, the rule every contact point
 * passes, decides whether it is a number (so text and contact points accept exactly the same numbers).
 */
export function phoneCandidates(): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_/.,£$€#@=+\\-])(?:${INTERNATIONAL}|${NATIONAL}|${SHORT})(?![\\p{N}\\p{L}%]|[.,]\\p{N})`, 'giu')
}

export type FoundPhone = { start: number; end: number; text: string; phone: UkPhone }

/** UK phone numbers written in a text, as parseUkPhone reads them, with their positions (UTF-16 offsets). */
export function findPhoneNumbers(text: string): FoundPhone[] {
  const found: FoundPhone[] = []
  for (const m of westernDigits(text).matchAll(phoneCandidates())) {
    const phone = parseUkPhone(m[0])
    const end = m.index + m[0].length
    if (phone.ok) found.push({ start: m.index, end, text: text.slice(m.index, end), phone: phone.value })
  }
  return found
}
