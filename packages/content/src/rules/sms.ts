// The one definition of a text-message contact: a keyword sent to a UK short code ("text DVS to 82228").
import { fail, pass, type RuleResult } from './result.js'

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
  const code = input.replace(/\s/g, '')
  if (!/^\d+$/.test(code)) return fail(`A short code is digits only. "${input}" has other characters.`)
  if (code.length < 5 || code.length > 6) {
    return fail(`A UK short code has 5 or 6 digits, for example 82228. "${input}" has ${code.length}.`)
  }
  if (!/^[678]/.test(code)) return fail(`UK short codes start with 6, 7 or 8. Check "${input}".`)
  return pass(code)
}

export function checkSmsKeyword(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add the word people text, for example DVS.')
  const keyword = input.trim()
  if (!/^[A-Za-z0-9]{1,20}$/.test(keyword)) {
    return fail(`The text keyword should be one short word of letters or digits (up to 20), like DVS. "${input}" is not.`)
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
