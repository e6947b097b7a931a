// Every organisation that can help in this site's area, local services first.
import { DEFAULT_LANGUAGE, getArea, organisationsServingArea, type Organisation, type SiteSettings } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Layout } from '../../components/Layout'
import { OrganisationCard } from '../../components/OrganisationCard'
import { getContent, plain } from '../../lib/content'
import { paths } from '../../lib/paths'
import { t, type PhraseBook } from '../../lib/phrases'
import { phraseBook } from '../../lib/phraseBook'
import { absoluteUrl, siteArea } from '../../lib/site'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { settings: SiteSettings; book: PhraseBook; areaName: string; organisations: Organisation[]; draft: boolean; canonical: string }

export const getStaticProps: GetStaticProps<Props> = async ({ draftMode }) => {
  const content = await getContent({ draft: draftMode })
  const area = siteArea(content)
  return {
    props: plain({
      settings: content.settings,
      book: phraseBook(content, DEFAULT_LANGUAGE),
      areaName: getArea(content, area).name,
      organisations: organisationsServingArea(content, area),
      draft: Boolean(draftMode),
      canonical: absoluteUrl(paths.organisations()),
    }),
  }
}

export default function Organisations({ settings, book, areaName, organisations, draft, canonical }: Props) {
  return (
    <Layout
      settings={settings}
      book={book}
      draft={draft}
      meta={{
        title: t(book, 'site.organisationsTitle'),
        description: t(book, 'site.organisationsDescription', { area: areaName }),
        canonical,
      }}
    >
      <h1>{t(book, 'site.organisationsHeading', { area: areaName })}</h1>
      <p className="lead">{t(book, 'site.localFirst')}</p>
      {organisations.map((o) => (
        <OrganisationCard key={o.slug} organisation={o} headingLevel={2} />
      ))}
    </Layout>
  )
}
