// The one definition of a UK mobile number a text can be sent to (07…, +44 7…), in the E.164 form Notify takes, and
// how it is shown to staff: masked, 07*** ***123, everywhere (logs, status, the API).
import { fail, pass, type RuleResult } from './result.js'
import { westernDigits } from './phone.js'
import { checkSingleLine, quote } from './text.js'

export type UkMobile = {
  /** +447700900123, as Notify and the queue store it. */
  e164: string
  /** 07700 900123 */
  display: string
  /** 07*** ***123 */
  masked: string
}

/** A UK mobile number masked for staff: only the last three digits show. */
export function maskUkMobile(number: string): string {
  const digits = westernDigits(number).replace(/\D/g, '')
  return `07*** ***${digits.slice(-3)}`
}

export function checkUkMobile(input: unknown): RuleResult<UkMobile> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add the mobile number to text, for example 07700 900123.')
  const line = checkSingleLine(input)
  if (!line.ok) return line
  const written = westernDigits(input.trim())
  if (/[^\d\s()+.-]/.test(written)) return fail(`A mobile number can only have digits and spaces. ${quote(input)} has other characters.`)
  let digits = written.replace(/[\s().-]/g, '')
  if (digits.startsWith('+44')) digits = `0${digits.slice(3).replace(/^\(?0\)?/, '')}`
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`
  else if (digits.startsWith('44') && digits.length === 12) digits = `0${digits.slice(2)}`
  if (digits.includes('+')) return fail(`${quote(input)} is not a UK mobile number. Texts go only to UK mobiles, for example 07700 900123 or +44 7700 900123.`)
  if (!digits.startsWith('07')) return fail(`A UK mobile number starts with 07 (or +44 7). ${quote(input)} does not; landlines cannot receive texts.`)
  if (digits.startsWith('070') || digits.startsWith('076')) {
    // 070 are personal numbers and 076 pagers (except 07624, the Isle of Man's mobiles): they cannot take a text.
    if (!digits.startsWith('07624')) return fail(`${quote(input)} is not a mobile number (070 and 076 numbers are personal numbers and pagers).`)
  }
  if (digits.length !== 11) return fail(`A UK mobile number has 11 digits (07 and 9 more). ${quote(input)} has ${digits.length}.`)
  return pass({ e164: `+44${digits.slice(1)}`, display: `${digits.slice(0, 5)} ${digits.slice(5)}`, masked: maskUkMobile(digits) })
}
