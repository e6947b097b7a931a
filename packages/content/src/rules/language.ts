// A guide's language becomes the lang of pages, emails and PDFs, which screen readers use to pick a voice.
import { fail, pass, type RuleResult } from './result.js'
import { quote } from './text.js'

export function checkLanguageTag(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input === '') return fail('Add the language code, for example en-GB.')
  try {
    return pass(Intl.getCanonicalLocales(input)[0]!)
  } catch {
    return fail(`${quote(input)} is not a language code. Use one like en-GB (English) or cy (Welsh).`)
  }
}
