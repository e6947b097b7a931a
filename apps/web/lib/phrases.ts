// The site's fixed words in the page's language, carried in page props. Next's props must be plain JSON, so a page
// passes its language's phrase templates (a PhraseBook, lib/phraseBook.ts, built on the server from
// @signpost/content's catalogue with its English fallback) and components fill them here. Components are compiled
// for the browser too, so this file imports only '@signpost/content/rules' at run time (never the content door).
import { Fragment, createElement, type ReactNode } from 'react'
import type { Language, PhraseKey } from '@signpost/content'
import { DEFAULT_LANGUAGE, fillPhrase, getLanguage } from '@signpost/content/rules'

/**
 * The plain-JSON half of @signpost/content's Phrases: the language and its templates (English fallback applied);
 * `fallbacks`: the keys whose words are the English ones because the language's catalogue lacks them.
 */
export type PhraseBook = { language: Language; templates: Record<string, string>; fallbacks?: string[] }

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g

function templateOf(book: PhraseBook, key: PhraseKey): string {
  const template = book.templates[key]
  if (template === undefined) throw new Error(`Phrase "${key}" is not in the site's phrase book for ${book.language.code}.`)
  return template
}

/** The phrase as text, placeholders filled. */
export function t(book: PhraseBook, key: PhraseKey, vars?: Record<string, string | number>): string {
  return fillPhrase(templateOf(book, key), vars, { language: book.language.code, key })
}

/**
 * The phrase with markup in its placeholders ("{name} is free" with a link for {name}), so a sentence is never
 * built by joining two phrases and a run in another language keeps its own lang and dir. Every placeholder must
 * have a value; text values go in as text, never as HTML.
 */
export function tNodes(book: PhraseBook, key: PhraseKey, vars: Record<string, ReactNode>): ReactNode {
  const template = templateOf(book, key)
  // The content door's own check: every placeholder has a value (it throws naming the phrase, language and placeholder).
  fillPhrase(template, Object.fromEntries(Object.keys(vars).map((name) => [name, ''])), { language: book.language.code, key })
  const parts: ReactNode[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0
    if (index > last) parts.push(template.slice(last, index))
    parts.push(createElement(Fragment, { key: `${index}` }, vars[match[1] ?? '']))
    last = index + match[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  return markFallback(book, key, createElement(Fragment, null, ...parts))
}

/** Whether the phrase is shown in English on this page because its language's catalogue lacks it. */
export function isFallback(book: PhraseBook, key: PhraseKey): boolean {
  return book.language.code !== DEFAULT_LANGUAGE && (book.fallbacks ?? []).includes(key)
}

/** An English phrase shown on a page in another language, marked so: right to left it would come out scrambled. */
function markFallback(book: PhraseBook, key: PhraseKey, node: ReactNode): ReactNode {
  if (!isFallback(book, key)) return node
  const english = getLanguage(DEFAULT_LANGUAGE)
  return createElement('span', { lang: english.tag, dir: english.dir }, node)
}

/** The phrase as page text: a string, or, when it falls back to English on a page in another language, marked as English. */
export function tText(book: PhraseBook, key: PhraseKey, vars?: Record<string, string | number>): ReactNode {
  return markFallback(book, key, t(book, key, vars))
}

/** lang and dir attributes for a run of text in `language` inside a page in `page`; none when they are the same. */
export function runAttributes(language: Language | string, page: Language): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const l = typeof language === 'string' ? getLanguage(language) : language
  if (l.code === page.code) return {}
  return { lang: l.tag, dir: l.dir }
}
