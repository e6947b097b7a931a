// The fixed words around the content, per language: English defaults from the five phrase files (one per channel),
// translations from the phraseCatalogue documents (content), English for any phrase a catalogue lacks.
import type { Content } from './model.js'
import { getLanguage, type Language } from './languages.js'
import { commonPhrases } from './phrases/common.js'
import { sitePhrases } from './phrases/site.js'
import { leafletPhrases } from './phrases/leaflet.js'
import { emailPhrases } from './phrases/email.js'
import { smsPhrases } from './phrases/sms.js'

export { commonPhrases, sitePhrases, leafletPhrases, emailPhrases, smsPhrases }

export const ENGLISH_PHRASES = { ...commonPhrases, ...sitePhrases, ...leafletPhrases, ...emailPhrases, ...smsPhrases } as const

export type PhraseKey = keyof typeof ENGLISH_PHRASES

/** The channels, in the order the Studio groups their phrases. */
export const PHRASE_GROUPS = ['common', 'site', 'leaflet', 'email', 'sms'] as const
export type PhraseGroup = (typeof PHRASE_GROUPS)[number]

export const PHRASE_KEYS = Object.keys(ENGLISH_PHRASES) as PhraseKey[]

export function isPhraseKey(key: string): key is PhraseKey {
  return Object.hasOwn(ENGLISH_PHRASES, key)
}

export type Phrases = {
  language: Language
  /** Every phrase in this language, English already filled in where the catalogue lacks one (plain JSON). */
  templates: Record<PhraseKey, string>
  /**
   * The phrase in this language (English where the catalogue lacks it), placeholders filled; throws on one left unfilled.
   * Not enumerable, so a GuideView stays plain JSON (Next page props); rebuild it from JSON with phrasesFromTemplates().
   */
  t(key: PhraseKey, vars?: Record<string, string | number>): string
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/** The {placeholders} a phrase uses, sorted, for comparing a translation with its English. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort()
}

const list = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(', ') : 'none')

/** A translated phrase must use exactly the English phrase's {placeholders} (the Studio and content:check both say so). */
export function checkPhrasePlaceholders(key: PhraseKey, text: string): { ok: true } | { ok: false; message: string } {
  const want = placeholdersOf(ENGLISH_PHRASES[key])
  const got = placeholdersOf(text)
  if (want.join() === got.join()) return { ok: true }
  return { ok: false, message: `Keep the placeholders exactly as in English (${list(want)}); this has ${list(got)}. Translate the words around them only.` }
}

export class UnfilledPlaceholderError extends Error {
  constructor(key: string, language: string, missing: string[]) {
    super(`Phrase "${key}" (${language}) needs ${missing.map((m) => `{${m}}`).join(', ')}, but no value was given for ${missing.length === 1 ? 'it' : 'them'}.`)
    this.name = 'UnfilledPlaceholderError'
  }
}

/** Fills {name} placeholders; a placeholder without a value throws, so no channel can print "{page}". */
export function fillPhrase(template: string, vars: Record<string, string | number> = {}, where: { language: string; key: string }): string {
  const missing = placeholdersOf(template).filter((name) => !Object.hasOwn(vars, name))
  if (missing.length) throw new UnfilledPlaceholderError(where.key, where.language, missing)
  return template.replace(PLACEHOLDER, (_, name: string) => String(vars[name]))
}

/** Phrases from their plain-JSON form ({ language, templates }), e.g. a GuideView that went through Next page props. */
export function phrasesFromTemplates(json: { language: Language; templates: Record<string, string> }): Phrases {
  const phrases = { language: json.language, templates: json.templates as Record<PhraseKey, string> } as Phrases
  Object.defineProperty(phrases, 't', {
    enumerable: false,
    value: (key: PhraseKey, vars?: Record<string, string | number>) => {
      const template = Object.hasOwn(json.templates, key) ? json.templates[key] : isPhraseKey(key) ? ENGLISH_PHRASES[key] : undefined
      if (template === undefined) throw new Error(`Unknown phrase "${String(key)}".`)
      return fillPhrase(template, vars, { language: json.language.code, key })
    },
  })
  return phrases
}

export function phrasesFor(content: Pick<Content, 'phraseCatalogues'>, lang: string): Phrases {
  const language = getLanguage(lang)
  const catalogue = content.phraseCatalogues.find((c) => c.language === language.code)?.phrases ?? {}
  const templates = Object.fromEntries(PHRASE_KEYS.map((key) => [key, catalogue[key] ?? ENGLISH_PHRASES[key]])) as Record<PhraseKey, string>
  return phrasesFromTemplates({ language, templates })
}
