// The site's fixed words in the page's language, carried in page props. Next's props must be plain JSON, so a page
// passes its language's phrase templates (a PhraseBook, built from @signpost/content's catalogue with its English
// fallback) and components fill them with @signpost/content's fillPhrase, which throws on a placeholder left unfilled.
import { Fragment, createElement, type ReactNode } from 'react'
import { fillPhrase, getLanguage, phrasesFor, type Content, type Language, type PhraseKey } from '@signpost/content'

/** The plain-JSON half of @signpost/content's Phrases: the language and its templates (English fallback applied). */
export type PhraseBook = { language: Language; templates: Record<string, string> }

/** The site's and the shared phrases for `lang`; the leaflet, email and text phrases stay out of page props. */
export function phraseBook(content: Pick<Content, 'phraseCatalogues'>, lang: string): PhraseBook {
  const { language, templates } = phrasesFor(content, lang)
  return { language, templates: Object.fromEntries(Object.entries(templates).filter(([key]) => key.startsWith('site.') || key.startsWith('common.'))) }
}

function templateOf(book: PhraseBook, key: PhraseKey): string {
  const template = book.templates[key]
  if (template === undefined) throw new Error(`Phrase "${key}" is not in the site's phrase book for ${book.language.code}.`)
  return template
}

/** The phrase as text, placeholders filled. */
export function t(book: PhraseBook, key: PhraseKey, vars?: Record<string, string | number>): string {
  return fillPhrase(templateOf(book, key), vars, { language: book.language.code, key })
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/**
 * The phrase with markup in its placeholders ("{name} is free" with a link for {name}), so a sentence is never
 * built by joining two phrases and a run in another language keeps its own lang and dir. Every placeholder must
 * have a value (checked by fillPhrase); text values go in as text, never as HTML.
 */
export function tNodes(book: PhraseBook, key: PhraseKey, vars: Record<string, ReactNode>): ReactNode {
  const template = templateOf(book, key)
  // Check for unfilled placeholders with the content door's own rule (it throws naming the key and language).
  fillPhrase(template, Object.fromEntries(Object.keys(vars).map((k) => [k, ''])), { language: book.language.code, key })
  const parts: ReactNode[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0
    if (index > last) parts.push(template.slice(last, index))
    parts.push(createElement(Fragment, { key: `${index}` }, vars[match[1] ?? '']))
    last = index + match[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  return createElement(Fragment, null, ...parts)
}

/** lang and dir attributes for a run of text in `language` inside a page in `page`; none when they are the same. */
export function runAttributes(language: Language | string, page: Language): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const l = typeof language === 'string' ? getLanguage(language) : language
  if (l.code === page.code) return {}
  return { lang: l.tag, dir: l.dir }
}
