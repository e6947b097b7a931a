// Site search: matches every word of the query against guide titles, summaries and section text and
// organisation names and descriptions, for the area the site serves. Plain server-side code, no JS needed.
// Guides are searched in every language, so an Urdu, Welsh or Polish reader finds a guide by its own words;
// each guide comes back once: in the reader's language when that version matches, else the version that matched best.
import { toPlainText } from '@portabletext/react'
import { guidesForArea, organisationsServingArea, SUPPORTED_LANGUAGES, type Content, type Guide, type Organisation } from '@signpost/content'

export type SearchResults = { query: string; guides: Guide[]; organisations: Organisation[] }

/**
 * Letters that the same word is typed with on different keyboards, folded to the one Urdu text uses: Arabic
 * yeh and alef maksura to Farsi yeh, Arabic kaf to keheh, Arabic heh to heh goal; Arabic-Indic and Eastern
 * Arabic-Indic digits to 0-9 (so "۰۸۰۰" finds "0800"). Tatweel (the stretching line) is dropped.
 */
const FOLDS: Record<string, string> = {
  '\u064A': '\u06CC',
  '\u0649': '\u06CC',
  '\u0643': '\u06A9',
  '\u0647': '\u06C1',
  '\u0640': '',
}
const foldLetter = (c: string): string => {
  const code = c.codePointAt(0) ?? 0
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  return FOLDS[c] ?? c
}

/**
 * Lower case, accents and vowel marks removed, punctuation as spaces: "Cyber-crime" finds "cyber crime" and
 * "cybercrime" finds itself; "Łódź" is "łodz". Invisible format characters (the zero-width non-joiner inside
 * Urdu words, direction marks) are removed without splitting the word.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .replace(/[\u0640\u0643\u0647\u0649\u064A\u0660-\u0669\u06F0-\u06F9]/g, foldLetter)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      normaliseText(query)
        .split(' ')
        .filter((t) => t.length > 0),
    ),
  ].slice(0, 12)
}

function score(terms: string[], fields: { text: string; weight: number }[]): number {
  const texts = fields.map((f) => ({ text: ` ${normaliseText(f.text)} `, weight: f.weight }))
  let total = 0
  for (const term of terms) {
    const best = Math.max(0, ...texts.filter((f) => f.text.includes(term)).map((f) => f.weight + (f.text.includes(` ${term} `) ? 1 : 0)))
    if (best === 0) return 0
    total += best
  }
  return total
}

function ranked<T>(items: T[], scoreOf: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, score: scoreOf(item) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.item)
}

function guideScore(terms: string[], g: Guide): number {
  return score(terms, [
    { text: g.title, weight: 4 },
    { text: g.summary, weight: 3 },
    ...g.sections.map((s) => ({ text: `${s.heading} ${toPlainText(s.body as Parameters<typeof toPlainText>[0])}`, weight: 1 })),
    ...g.steps.map((s) => ({ text: s.text, weight: 1 })),
  ])
}

/** `lang`: the reader's language (the search page's): its version of a guide wins whenever that version matches. */
export function search(content: Content, areaSlug: string, query: string, lang: string = SUPPORTED_LANGUAGES[0]?.code ?? 'en'): SearchResults {
  const terms = queryTerms(query)
  if (terms.length === 0) return { query: query.trim(), guides: [], organisations: [] }
  const languages = [...SUPPORTED_LANGUAGES].sort((a, b) => Number(b.code === lang) - Number(a.code === lang))
  // Every version of every guide that matches, the reader's language first; then one version of each guide: the
  // reader's if it matched, else the best-matching one.
  const versions = languages.flatMap((l) => guidesForArea(content, areaSlug, l.code)).map((g) => ({ g, score: guideScore(terms, g) }))
  const chosen = new Map<string, { g: Guide; score: number }>()
  for (const v of versions) {
    if (v.score === 0) continue
    const best = chosen.get(v.g.slug)
    if (!best || (best.g.language !== lang && v.score > best.score)) chosen.set(v.g.slug, v)
  }
  const guides = ranked([...chosen.values()], (v) => v.score).map((v) => v.g)
  const organisations = ranked(organisationsServingArea(content, areaSlug), (o) =>
    score(terms, [
      { text: o.name, weight: 4 },
      { text: o.kindLabel, weight: 2 },
      { text: o.description, weight: 1 },
    ]),
  )
  return { query: query.trim(), guides, organisations }
}
