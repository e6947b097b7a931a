// Site search: matches every word of the query against guide titles, summaries and section text and
// organisation names and descriptions, for the area the site serves. Plain server-side code, no JS needed.
import { toPlainText } from '@portabletext/react'
import { guidesForArea, organisationsServingArea, type Content, type Guide, type Organisation } from '@signpost/content'

export type SearchResults = { query: string; guides: Guide[]; organisations: Organisation[] }

/** Lower case, accents removed, punctuation as spaces: "Cyber-crime" finds "cyber crime" and "cybercrime" finds itself. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
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

export function search(content: Content, areaSlug: string, query: string): SearchResults {
  const terms = queryTerms(query)
  if (terms.length === 0) return { query: query.trim(), guides: [], organisations: [] }
  const guides = ranked(guidesForArea(content, areaSlug), (g) =>
    score(terms, [
      { text: g.title, weight: 4 },
      { text: g.summary, weight: 3 },
      ...g.sections.map((s) => ({ text: `${s.heading} ${toPlainText(s.body as Parameters<typeof toPlainText>[0])}`, weight: 1 })),
      ...g.steps.map((s) => ({ text: s.text, weight: 1 })),
    ]),
  )
  const organisations = ranked(organisationsServingArea(content, areaSlug), (o) =>
    score(terms, [
      { text: o.name, weight: 4 },
      { text: o.kindLabel, weight: 2 },
      { text: o.description, weight: 1 },
    ]),
  )
  return { query: query.trim(), guides, organisations }
}
