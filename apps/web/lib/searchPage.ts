// What the search page in one language needs (/search in English, /<lang>/search in another): the hits for the
// query (guides in any language, lib/search.ts), each addressed in its own language, and the page's phrases.
import { DEFAULT_LANGUAGE, getLanguage, localiseOrganisation, phrasesFor } from '@signpost/content'
import type { GetServerSidePropsContext } from 'next'
import type { SearchProps } from '../components/SearchPage'
import { queryValue } from './apiRequest'
import { getContent, plain } from './content'
import { paths } from './paths'
import { phraseBook } from './phraseBook'
import { search } from './search'
import { absoluteUrl, siteArea } from './site'

export async function searchPageProps(context: GetServerSidePropsContext, lang: string = DEFAULT_LANGUAGE): Promise<{ props: SearchProps }> {
  const q = queryValue(context, 'q')?.slice(0, 200) ?? ''
  const content = await getContent({ draft: context.draftMode })
  const language = getLanguage(lang)
  const phrases = phrasesFor(content, language.code)
  const results = search(content, siteArea(content), q, language.code)
  return {
    props: plain({
      settings: content.settings,
      book: phraseBook(content, language.code),
      lang: language.tag,
      dir: language.dir,
      query: results.query,
      guides: results.guides.map((g) => ({ href: paths.guide(g.slug, g.language), title: g.title, text: g.summary, language: getLanguage(g.language) })),
      organisations: results.organisations.map((o) => {
        const local = localiseOrganisation(o, phrases)
        return { href: paths.organisation(o.slug), name: o.name, kindLabel: local.kindLabel }
      }),
      draft: Boolean(context.draftMode),
      canonical: absoluteUrl(paths.search(language.code)),
    }),
  }
}
