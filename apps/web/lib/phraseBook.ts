// Builds a page's phrase book on the server (getStaticProps), from @signpost/content's catalogue for the language
// with its English fallback. Kept apart from lib/phrases.ts, which components import and the browser build compiles.
import { DEFAULT_LANGUAGE, phrasesFor, type Content } from '@signpost/content'
import type { PhraseBook } from './phrases'

/** The site's and the shared phrases for `lang`; the leaflet, email and text phrases stay out of page props. */
export function phraseBook(content: Pick<Content, 'phraseCatalogues'>, lang: string): PhraseBook {
  const { language, templates } = phrasesFor(content, lang)
  const keys = Object.keys(templates).filter((key) => key.startsWith('site.') || key.startsWith('common.'))
  // Which of them the language's catalogue lacks (phrasesFor filled them in English): the page marks those as English.
  const own = content.phraseCatalogues.find((c) => c.language === language.code)?.phrases ?? {}
  const fallbacks = language.code === DEFAULT_LANGUAGE ? [] : keys.filter((key) => !Object.hasOwn(own, key))
  return { language, templates: Object.fromEntries(keys.map((key) => [key, templates[key as keyof typeof templates]])), fallbacks }
}
