// Slugs become web addresses and file names, so they stay lower-case words joined by hyphens.
import { fail, pass, type RuleResult } from './result.js'
import { quote } from './text.js'

export function checkSlug(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input === '') return fail('Add a web address name (slug), for example cyber-crime-and-fraud.')
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input)) {
    return fail(`${quote(input)} can only use lower-case letters, digits and single hyphens, for example cyber-crime-and-fraud.`)
  }
  return pass(input)
}
