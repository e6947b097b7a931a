// THE list of languages Signpost publishes in: the Studio, the content door, content:check and every channel read it
// from here (import from '@signpost/content' or '@signpost/content/rules'); no app keeps its own list.
// Adding a language = one line below + a phraseCatalogue document for it (content:check names every phrase missing).
import { NotFoundError } from './notFound.js'

export type LanguageCode = 'en' | 'cy' | 'pl' | 'ur'

export type Language = {
  code: LanguageCode
  /** The value for lang attributes and PDF /Lang. */
  tag: string
  /** English name, for editors. */
  name: string
  /** The language's own name, for readers choosing it. */
  nativeName: string
  dir: 'ltr' | 'rtl'
}

export const SUPPORTED_LANGUAGES: readonly Language[] = Object.freeze([
  { code: 'en', tag: 'en-GB', name: 'English', nativeName: 'English', dir: 'ltr' },
  { code: 'cy', tag: 'cy', name: 'Welsh', nativeName: 'Cymraeg', dir: 'ltr' },
  { code: 'pl', tag: 'pl', name: 'Polish', nativeName: 'Polski', dir: 'ltr' },
  { code: 'ur', tag: 'ur', name: 'Urdu', nativeName: 'اردو', dir: 'rtl' },
] as const satisfies Language[])

export const DEFAULT_LANGUAGE: LanguageCode = 'en'

export const LANGUAGE_CODES = SUPPORTED_LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]

export function isSupportedLanguage(code: unknown): code is LanguageCode {
  return typeof code === 'string' && SUPPORTED_LANGUAGES.some((l) => l.code === code)
}

/** The language for a code; throws NotFoundError listing the valid codes. */
export function getLanguage(code: string): Language {
  const language = SUPPORTED_LANGUAGES.find((l) => l.code === code)
  if (!language) throw new NotFoundError('language', code, LANGUAGE_CODES, `(${SUPPORTED_LANGUAGES.map((l) => `${l.code} ${l.name}`).join(', ')})`)
  return language
}

/** The supported language a stored value names: its code ("cy") or its tag in any case ("en-GB", "en-gb"). */
export function languageOf(value: unknown): Language | undefined {
  if (typeof value !== 'string') return undefined
  const v = value.trim().toLowerCase()
  return SUPPORTED_LANGUAGES.find((l) => l.code === v || l.tag.toLowerCase() === v)
}

/** "en (English), cy (Welsh), …": for messages that tell an editor what to choose. */
export function languageChoices(): string {
  return SUPPORTED_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')
}
