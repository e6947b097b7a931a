// Search over guides and organisations: a GET form that works without JavaScript (/search?q=..., /ur/search?q=...).
// Guides are found in every language by their own words (lib/search.ts); a hit in another language than the page
// carries its lang and dir, and says which language it is in by that language's own name.
import type { Language, SiteSettings } from '@signpost/content'
import { shortened } from '../lib/format'
import { paths } from '../lib/paths'
import { t, type PhraseBook } from '../lib/phrases'
import { Layout } from './Layout'
import { InLanguage, usePhrases } from './Phrases'

/** A guide found: in its own language, which may not be the page's. */
export type SearchHit = { href: string; title: string; text: string; language: Language }
/** An organisation found: its own name, what it is in the page's language. */
export type OrganisationHit = { href: string; name: string; kindLabel: string }
export type SearchProps = {
  settings: SiteSettings
  book: PhraseBook
  lang: string
  dir: 'ltr' | 'rtl'
  query: string
  guides: SearchHit[]
  organisations: OrganisationHit[]
  draft: boolean
  canonical: string
}

/** How much of the reader's query is echoed back in the page and its title (the search box keeps all of it). */
export const ECHOED_QUERY_LETTERS = 60

const PLURAL_KEYS = {
  zero: 'site.searchResultsZero',
  one: 'site.searchResultsOne',
  two: 'site.searchResultsTwo',
  few: 'site.searchResultsFew',
  many: 'site.searchResultsMany',
  other: 'site.searchResultsOther',
} as const

/** The "N results for …" phrase for the count in the page's language (Welsh has six forms, Polish four). */
export function resultsKey(language: Language, count: number) {
  return PLURAL_KEYS[new Intl.PluralRules(language.tag).select(count)]
}

function GuideResults({ hits }: { hits: SearchHit[] }) {
  const { t, language: page } = usePhrases()
  const id = 'guide-results'
  const heading = t('site.guides')
  if (hits.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="card-list">
        {hits.map((h) => {
          const other = h.language.code !== page.code
          const attrs = other ? { lang: h.language.tag, dir: h.language.dir } : {}
          return (
            <li key={h.href}>
              <a href={h.href} hrefLang={other ? h.language.tag : undefined} {...attrs}>
                {h.title}
              </a>
              {other ? (
                <span className="contact-note" {...attrs}>
                  {h.language.nativeName}
                </span>
              ) : null}
              <p {...attrs}>{h.text}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function OrganisationResults({ hits }: { hits: OrganisationHit[] }) {
  const { p, defaultHrefLang } = usePhrases()
  if (hits.length === 0) return null
  return (
    <section aria-labelledby="organisation-results">
      <h2 id="organisation-results">{p('site.organisations')}</h2>
      <ul className="card-list">
        {hits.map((h) => (
          <li key={h.href}>
            <a href={h.href} hrefLang={defaultHrefLang}>
              <InLanguage>{h.name}</InLanguage>
            </a>
            <p>{h.kindLabel}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

function SearchBody({ query, guides, organisations }: Pick<SearchProps, 'query' | 'guides' | 'organisations'>) {
  const { p, tNodes, language } = usePhrases()
  const total = guides.length + organisations.length
  const echoed = <bdi>{shortened(query, ECHOED_QUERY_LETTERS)}</bdi>
  return (
    <>
      <h1>{p('site.search')}</h1>
      <form className="search-form" method="get" action={paths.search(language.code)} role="search">
        <div className="field">
          <label htmlFor="q">{p('site.searchLabel')}</label>
          <input id="q" name="q" type="search" dir="auto" defaultValue={query} />
        </div>
        <button type="submit" className="button">
          {p('site.searchButton')}
        </button>
      </form>
      {query ? (
        <p role="status">
          {total === 0 ? tNodes('site.searchNoResults', { query: echoed }) : tNodes(resultsKey(language, total), { count: total, query: echoed })}
        </p>
      ) : null}
      <GuideResults hits={guides} />
      <OrganisationResults hits={organisations} />
    </>
  )
}

export function SearchPage({ settings, book, query, guides, organisations, draft, canonical }: SearchProps) {
  const echoed = shortened(query, ECHOED_QUERY_LETTERS)
  return (
    <Layout
      settings={settings}
      book={book}
      draft={draft}
      meta={{
        title: query ? t(book, 'site.searchTitle', { query: echoed }) : t(book, 'site.search'),
        description: t(book, 'site.searchDescription'),
        canonical,
        noindex: Boolean(query),
      }}
    >
      <SearchBody query={query} guides={guides} organisations={organisations} />
    </Layout>
  )
}
