// The language choice when sending advice or printing a pack: only the languages the guides on offer exist in (from
// @signpost/content, never a list of our own), each named in English for staff and in its own words and script.
import { DEFAULT_LANGUAGE, languagesOf, SUPPORTED_LANGUAGES, type Content, type Language } from '@signpost/content'

export type LanguageOption = {
  value: string
  label: string
  /** False when only some of the guides offered exist in it (sending or printing one that does not is refused, naming its languages). */
  everyGuide: boolean
}

/** "English", "Urdu (اردو)". */
export function languageLabel(language: Language): string {
  return language.code === DEFAULT_LANGUAGE ? language.name : `${language.name} (${language.nativeName})`
}

/** The languages at least one of these guides exists in for the area, in SUPPORTED_LANGUAGES order. */
export function languageOptions(content: Content, guideSlugs: string[], area: string): LanguageOption[] {
  const has = guideSlugs.map((slug) => new Set(languagesOf(content, slug, area).map((l) => l.code)))
  return SUPPORTED_LANGUAGES.filter((l) => has.some((codes) => codes.has(l.code))).map((l) => ({
    value: l.code,
    label: languageLabel(l),
    everyGuide: has.every((codes) => codes.has(l.code)),
  }))
}
