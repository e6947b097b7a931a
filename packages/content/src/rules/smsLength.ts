// How long a text message is, counted the way GOV.UK Notify counts it, so the Studio's live count, content:check and
// the SMS renderer all agree with what Notify will charge: Notify first replaces smart quotes, dashes, ellipses and
// invisible spaces with plain ones; then a message in the GSM 03.38 alphabet costs 160 characters for one text and
// 153 per text after that (306, 459 … up to Notify's limit of 918), with ^ { } \ [ ~ ] | € counting twice; one with
// any character outside it (ŵ, ŷ, â, Urdu) is sent as UCS-2: 70 for one text, 67 per text after (134, 201 …).
import { fail, pass, type RuleResult } from './result.js'

/** Notify refuses a text message longer than this many characters (6 texts of GSM-7). */
export const SMS_CHARACTER_LIMIT = 918

// Notify's replacements before counting (its SanitiseSMS.REPLACEMENT_CHARACTERS).
const REPLACEMENTS: Record<string, string> = {
  '\u2011': '-', // non-breaking hyphen
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2212': '-', // minus sign
  '\u2026': '...', // horizontal ellipsis
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201a': "'",
  '\u201e': '"',
  '\u180e': '', // Mongolian vowel separator
  '\u200b': '', // zero width space
  '\u200c': '', // zero width non-joiner
  '\u2060': '', // word joiner
  '\ufeff': '', // zero width no-break space
  '\u2028': '', // line separator
  '\u2029': '', // paragraph separator
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space
  '\t': ' ',
}

/** The characters that count twice in GSM-7 (they are sent as an escape and a character). */
export const GSM_EXTENDED_CHARACTERS = '^{}\\[~]|€'
const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM = new Set([...GSM_BASIC, ...GSM_EXTENDED_CHARACTERS])
const EXTENDED = new Set(GSM_EXTENDED_CHARACTERS)

export type SmsLength = {
  /** The message as Notify sends it (after its replacements). */
  text: string
  encoding: 'GSM-7' | 'UCS-2'
  /** What Notify counts: GSM-7 septets (extended characters twice), or UCS-2 code units. */
  characters: number
  /** How many texts it is sent (and charged) as. */
  texts: number
  /** Characters that forced UCS-2, each once, in order of appearance. */
  nonGsm: string[]
}

/** Notify's replacement of smart quotes, dashes, ellipses and invisible spaces. */
export function notifySmsText(text: string): string {
  let out = ''
  for (const c of text) out += REPLACEMENTS[c] ?? c
  return out
}

export function smsLength(input: string): SmsLength {
  const text = notifySmsText(input)
  const nonGsm = [...new Set([...text].filter((c) => !GSM.has(c)))]
  if (nonGsm.length > 0) {
    const characters = text.length // UTF-16 code units: a character outside the BMP counts as two, as on the network
    return { text, encoding: 'UCS-2', characters, texts: characters === 0 ? 0 : characters <= 70 ? 1 : Math.ceil(characters / 67), nonGsm }
  }
  let characters = 0
  for (const c of text) characters += EXTENDED.has(c) ? 2 : 1
  return { text, encoding: 'GSM-7', characters, texts: characters === 0 ? 0 : characters <= 160 ? 1 : Math.ceil(characters / 153), nonGsm }
}

/** "142 characters, 1 text" / "312 characters, 3 texts (UCS-2 because of ŵ)": the live count editors see. */
export function describeSmsLength(length: SmsLength): string {
  const why = length.encoding === 'UCS-2' ? ` (sent as Unicode because of ${length.nonGsm.slice(0, 5).join(' ')}, so 70 characters per single text)` : ''
  return `${length.characters} characters, ${length.texts} text${length.texts === 1 ? '' : 's'}${why}`
}

export type SmsLengthCheck = { ok: true; value: SmsLength; warning?: string } | { ok: false; message: string }

/**
 * A text message's length against the limits: a warning above `warnAbove` texts (default 2: people read two texts at
 * a glance), an error above `errorAbove` (default 6) or above Notify's 918 characters.
 */
export function checkSmsLength(input: string, limits: { warnAbove?: number; errorAbove?: number } = {}): SmsLengthCheck {
  const warnAbove = limits.warnAbove ?? 2
  const errorAbove = limits.errorAbove ?? 6
  const length = smsLength(input)
  const count = describeSmsLength(length)
  if (length.texts > errorAbove || length.characters > SMS_CHARACTER_LIMIT) {
    return {
      ok: false,
      message: `The text message is too long: ${count}. Keep it to ${errorAbove} texts at most (${SMS_CHARACTER_LIMIT} characters); 2 texts read best.`,
    }
  }
  if (length.texts > warnAbove)
    return { ok: true, value: length, warning: `The text message is long: ${count}. Up to ${warnAbove} texts read best on a phone.` }
  return { ok: true, value: length }
}

/** The same check as a plain rule result (for callers that only need yes or no). */
export function smsLengthRule(input: string): RuleResult<SmsLength> {
  const r = checkSmsLength(input)
  return r.ok ? pass(r.value) : fail(r.message)
}
