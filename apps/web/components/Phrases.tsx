// The page's language for every component inside it: its phrase book (the fixed words, lib/phrases.ts) and the
// helpers that mark a run in another language (an organisation's name inside Urdu text) and isolate numbers.
// Rendered on the server only (no framework JavaScript), so the context costs the reader nothing.
import type { Language, PhraseKey } from '@signpost/content'
import { DEFAULT_LANGUAGE, getLanguage } from '@signpost/content/rules'
import { createContext, useContext, type ReactNode } from 'react'
import { runAttributes, t, tNodes, tText, type PhraseBook } from '../lib/phrases'

const PhraseBookContext = createContext<PhraseBook | null>(null)

export function PhrasesProvider({ book, children }: { book: PhraseBook; children: ReactNode }) {
  return <PhraseBookContext.Provider value={book}>{children}</PhraseBookContext.Provider>
}

export type PagePhrases = {
  book: PhraseBook
  language: Language
  /** The phrase as a string, for attributes and titles. */
  t: (key: PhraseKey, vars?: Record<string, string | number>) => string
  /** The phrase as page text (marked as English where it falls back to English). */
  p: (key: PhraseKey, vars?: Record<string, string | number>) => ReactNode
  tNodes: (key: PhraseKey, vars: Record<string, ReactNode>) => ReactNode
  /** hreflang for a link to a page only in the default language (organisations), on a page in another language. */
  defaultHrefLang: string | undefined
}

export function usePhrases(): PagePhrases {
  const book = useContext(PhraseBookContext)
  if (!book) throw new Error('A component that prints phrases was rendered outside <Layout> (no PhrasesProvider).')
  return {
    book,
    language: book.language,
    t: (key, vars) => t(book, key, vars),
    p: (key, vars) => tText(book, key, vars),
    tNodes: (key, vars) => tNodes(book, key, vars),
    defaultHrefLang: book.language.code === DEFAULT_LANGUAGE ? undefined : getLanguage(DEFAULT_LANGUAGE).tag,
  }
}

/**
 * Text that is in another language than the page, such as an organisation's name (always as the organisation
 * writes it, in the site's default language) inside an Urdu page: <bdi lang="en-GB" dir="ltr">. On a page in
 * the same language it is plain text.
 */
export function InLanguage({ language = DEFAULT_LANGUAGE, children }: { language?: Language | string; children: ReactNode }) {
  const { language: page } = usePhrases()
  const attrs = runAttributes(language, page)
  return attrs.lang ? <bdi {...attrs}>{children}</bdi> : <>{children}</>
}

/** A phone number, short code or keyword: always left to right and isolated, so "0800 612 6505" reads right inside Urdu. */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>
}
