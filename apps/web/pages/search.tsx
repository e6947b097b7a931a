// Search over guides and organisations: a GET form that works without JavaScript (/search?q=...).
import type { SiteSettings } from '@signpost/content'
import type { GetServerSideProps, PageConfig } from 'next'
import { Layout } from '../components/Layout'
import { queryValue } from '../lib/apiRequest'
import { getContent } from '../lib/content'
import { shortened } from '../lib/format'
import { paths } from '../lib/paths'
import { search } from '../lib/search'
import { absoluteUrl, siteArea } from '../lib/site'

export const config: PageConfig = { unstable_runtimeJS: false }

type Hit = { href: string; title: string; text: string }
type Props = { settings: SiteSettings; query: string; guides: Hit[]; organisations: Hit[]; draft: boolean; canonical: string }

export const getServerSideProps: GetServerSideProps<Props> = async (context) => {
  const { draftMode } = context
  const q = queryValue(context, 'q')?.slice(0, 200) ?? ''
  const content = await getContent({ draft: draftMode })
  const results = search(content, siteArea(content), q)
  return {
    props: {
      settings: content.settings,
      query: results.query,
      guides: results.guides.map((g) => ({ href: paths.guide(g.slug), title: g.title, text: g.summary })),
      organisations: results.organisations.map((o) => ({ href: paths.organisation(o.slug), title: o.name, text: o.kindLabel })),
      draft: Boolean(draftMode),
      canonical: absoluteUrl(paths.search()),
    },
  }
}

function Results({ id, heading, hits }: { id: string; heading: string; hits: Hit[] }) {
  if (hits.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul className="card-list">
        {hits.map((h) => (
          <li key={h.href}>
            <a href={h.href}>{h.title}</a>
            <p>{h.text}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** How much of the reader's query is echoed back in the page and its title (the search box keeps all of it). */
const ECHOED_QUERY_LETTERS = 60

export default function Search({ settings, query, guides, organisations, draft, canonical }: Props) {
  const total = guides.length + organisations.length
  const echoed = shortened(query, ECHOED_QUERY_LETTERS)
  return (
    <Layout
      settings={settings}
      draft={draft}
      meta={{
        title: query ? `Search: ${echoed}` : 'Search',
        description: 'Search the guides and the organisations that can help.',
        canonical,
        noindex: Boolean(query),
      }}
    >
      <h1>Search</h1>
      <form className="search-form" method="get" action={paths.search()} role="search">
        <div className="field">
          <label htmlFor="q">Search guides and organisations</label>
          <input id="q" name="q" type="search" defaultValue={query} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {query ? (
        <p role="status">
          {total === 0
            ? `No results for “${echoed}”. Try a different word, or see all guides on the home page.`
            : `${total} result${total === 1 ? '' : 's'} for “${echoed}”.`}
        </p>
      ) : null}
      <Results id="guide-results" heading="Guides" hits={guides} />
      <Results id="organisation-results" heading="Organisations" hits={organisations} />
    </Layout>
  )
}
