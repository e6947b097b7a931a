// Builds a page's phrase book on the server (getStaticProps), from @signpost/content's catalogue for the language
// with its English fallback. Kept apart from lib/phrases.ts, which components import and the browser build compiles.
import { phrasesFor, type Content } from '@signpost/content'
import type { PhraseBook } from './phrases'

/** The site's and the shared phrases for `lang`; the leaflet, email and text phrases stay out of page props. */
export function phraseBook(content: Pick<Content, 'phraseCatalogues'>, lang: string): PhraseBook {
  const { language, templates } = phrasesFor(content, lang)
  return { language, templates: Object.fromEntries(Object.entries(templates).filter(([key]) => key.startsWith('site.') || key.startsWith('common.'))) }
}
