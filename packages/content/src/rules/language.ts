// A guide's language becomes the lang of pages, emails and PDFs, which screen readers use to pick a voice.
import { fail, pass, type RuleResult } from './result.js'
import { quote } from './text.js'
import { languageChoices, languageOf, type LanguageCode } from '../languages.js'

export function checkLanguageTag(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input === '') return fail('Add the language code, for example en-GB.')
  try {
    return pass(Intl.getCanonicalLocales(input)[0]!)
  } catch {
    return fail(`${quote(input)} is not a language code. Use one like en-GB (English) or cy (Welsh).`)
  }
}

/** A guide or catalogue's language must be one Signpost publishes in (languages.ts): its code, or its tag (en-GB). */
export function checkSupportedLanguage(input: unknown): RuleResult<LanguageCode> {
  if (typeof input !== 'string' || input.trim() === '') return fail(`Choose the language: ${languageChoices()}.`)
  const language = languageOf(input)
  if (!language) return fail(`${quote(input)} is not a language Signpost publishes in. Use one of: ${languageChoices()}.`)
  return pass(language.code)
}
