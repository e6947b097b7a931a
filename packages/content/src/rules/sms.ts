// The one definition of a text-message contact: a keyword sent to a UK short code ("text DVS to 82228").
import { fail, pass, type RuleResult } from './result.js'
import { westernDigits } from './phone.js'
import { checkSingleLine, quote } from './text.js'

export type SmsContactRule = {
  keyword: string
  shortCode: string
  /** `sms:` URI that opens the messages app with the keyword already typed. */
  href: string
  /** The instruction written out for people who cannot tap: "Text DVS to 82228". */
  instruction: string
}

/** UK short codes are five digits (six for a few networks), starting 6, 7 or 8. */
export function checkShortCode(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add the short code people text, for example 82228.')
  const line = checkSingleLine(input)
  if (!line.ok) return line
  const code = westernDigits(input).replace(/\s/g, '')
  if (!/^\d+$/.test(code)) return fail(`A short code is digits only. ${quote(input)} has other characters.`)
  if (code.length < 5 || code.length > 6) {
    return fail(`A UK short code has 5 or 6 digits, for example 82228. ${quote(input)} has ${code.length}.`)
  }
  if (!/^[678]/.test(code)) return fail(`UK short codes start with 6, 7 or 8. Check ${quote(input)}.`)
  return pass(code)
}

export function checkSmsKeyword(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add the word people text, for example DVS.')
  const line = checkSingleLine(input)
  if (!line.ok) return line
  const keyword = input.trim()
  if (!/^[A-Za-z0-9]{1,20}$/.test(keyword)) {
    return fail(`The text keyword should be one short word of letters or digits (up to 20), like DVS. ${quote(input)} is not.`)
  }
  return pass(keyword)
}

export function parseSms(keyword: unknown, shortCode: unknown): RuleResult<SmsContactRule> {
  const k = checkSmsKeyword(keyword)
  if (!k.ok) return k
  const c = checkShortCode(shortCode)
  if (!c.ok) return c
  return pass({
    keyword: k.value,
    shortCode: c.value,
    href: `sms:${c.value}?body=${encodeURIComponent(k.value)}`,
    instruction: `Text ${k.value} to ${c.value}`,
  })
}

/** "Text DVS to 82228", "text the word HELP to 60006": a candidate that parseSms (the contact-point rule) then checks. */
export function smsInstructionCandidates(): RegExp {
  return /(?<![\p{L}\p{N}])(?:text|txt|sms)[ \u00a0]+(?:the[ \u00a0]+word[ \u00a0]+)?["“‘']?([\p{L}\p{N}]{1,20})["”’']?[ \u00a0]+to[ \u00a0]+(\d(?:[ \u00a0]?\d){4,5})(?!\p{N})/giu
}

export type FoundSms = { start: number; end: number; text: string; sms: SmsContactRule }

/** Text-message instructions written in a text, as parseSms reads them, with their positions (UTF-16 offsets). */
export function findSmsInstructions(text: string): FoundSms[] {
  const found: FoundSms[] = []
  for (const m of westernDigits(text).matchAll(smsInstructionCandidates())) {
    const sms = parseSms(m[1], m[2])
    const end = m.index + m[0].length
    if (sms.ok) found.push({ start: m.index, end, text: text.slice(m.index, end), sms: sms.value })
  }
  return found
}
