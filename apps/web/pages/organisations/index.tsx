// Every organisation that can help in this site's area, local services first.
import { getArea, organisationsServingArea, type Organisation, type SiteSettings } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Layout } from '../../components/Layout'
import { OrganisationCard } from '../../components/OrganisationCard'
import { getContent, plain } from '../../lib/content'
import { paths } from '../../lib/paths'
import { absoluteUrl, siteArea } from '../../lib/site'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { settings: SiteSettings; areaName: string; organisations: Organisation[]; draft: boolean; canonical: string }

export const getStaticProps: GetStaticProps<Props> = async ({ draftMode }) => {
  const content = await getContent({ draft: draftMode })
  const area = siteArea(content)
  return {
    props: plain({
      settings: content.settings,
      areaName: getArea(content, area).name,
      organisations: organisationsServingArea(content, area),
      draft: Boolean(draftMode),
      canonical: absoluteUrl(paths.organisations()),
    }),
  }
}

export default function Organisations({ settings, areaName, organisations, draft, canonical }: Props) {
  return (
    <Layout
      settings={settings}
      draft={draft}
      meta={{
        title: 'Organisations that can help',
        description: `Support services, reporting centres and charities that help victims of crime in ${areaName}.`,
        canonical,
      }}
    >
      <h1>Organisations that can help in {areaName}</h1>
      <p className="lead">Local services are listed first.</p>
      {organisations.map((o) => (
        <OrganisationCard key={o.slug} organisation={o} headingLevel={2} />
      ))}
    </Layout>
  )
}
