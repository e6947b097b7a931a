// content:check's view of the phrase catalogues: a phrase a language lacks (shown in English), a translation that
// changed a {placeholder} (dropped, so no channel prints a wrong value), a phrase the code no longer uses.
import type { Problem } from './model.js'
import { DEFAULT_LANGUAGE, getLanguage, type LanguageCode } from './languages.js'
import { checkPhrasePlaceholders, ENGLISH_PHRASES, isPhraseKey, PHRASE_KEYS } from './phrases.js'
import type { RawPhraseCatalogue } from './raw.js'

/** Checks the catalogues in place (dropping phrases that must not be used) and returns the warnings. */
export function phraseCatalogueProblems(catalogues: RawPhraseCatalogue[], guideLanguages: LanguageCode[]): Problem[] {
  const problems: Problem[] = []
  const warning = (documentId: string, path: string, message: string) => problems.push({ severity: 'warning', documentId, path, message })
  const byLanguage = new Map<LanguageCode, RawPhraseCatalogue>()
  for (const c of catalogues) {
    const first = byLanguage.get(c.language)
    if (first) {
      warning(
        c._id,
        'language',
        `Two ${getLanguage(c.language).name} phrase catalogues: ${first._id} and ${c._id}. Only ${first._id} is used; delete the other.`,
      )
      continue
    }
    byLanguage.set(c.language, c)
    for (const [key, text] of Object.entries(c.phrases)) {
      const path = key
      if (!isPhraseKey(key)) {
        warning(c._id, path, `No channel uses the phrase "${key}" any more; it can be deleted.`)
        delete c.phrases[key]
        continue
      }
      const placeholders = checkPhrasePlaceholders(key, text)
      if (!placeholders.ok) {
        warning(c._id, path, `${placeholders.message} Readers see the English "${ENGLISH_PHRASES[key]}" until it is fixed.`)
        delete c.phrases[key]
      }
    }
  }
  const used = new Set<LanguageCode>([...guideLanguages, ...byLanguage.keys()])
  for (const code of used) {
    if (code === DEFAULT_LANGUAGE) continue
    const language = getLanguage(code)
    const catalogue = byLanguage.get(code)
    if (!catalogue) {
      warning(
        `phraseCatalogue.${code}`,
        '',
        `There is no ${language.name} phrase catalogue: ${PHRASE_KEYS.length} phrases around ${language.name} guides are shown in English.`,
      )
      continue
    }
    for (const key of PHRASE_KEYS) {
      if (catalogue.phrases[key] === undefined)
        warning(catalogue._id, key, `The ${language.name} (${code}) phrase "${key}" is missing, so readers see the English: "${ENGLISH_PHRASES[key]}".`)
    }
  }
  return problems
}
