// An email address fit to publish as a contact point or to send advice to.
import { fail, pass, type RuleResult } from './result.js'
import { quote } from './text.js'

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

export function checkEmailAddress(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') return fail('Add an email address, for example help@example.org.')
  const address = input.trim()
  if (/[\r\n]/.test(address)) return fail('An email address cannot contain a line break.')
  if (address.length > 254 || !ADDRESS.test(address)) return fail(`${quote(address)} is not a valid email address.`)
  return pass(address)
}

/** j***@example.com: enough for staff to recognise an address, not enough to leak it. */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 1) return '***'
  return `${address[0]}***${address.slice(at)}`
}
