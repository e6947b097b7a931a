// Home: the emergency notice and how to get help now (on a phone's first screen), then the guides for this site's area.
import { getArea, guidesForArea, organisationsServingArea, primarySupportOf, type Organisation, type SiteSettings } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Emergency } from '../components/Emergency'
import { HelpNow } from '../components/HelpNow'
import { Layout } from '../components/Layout'
import { getContent, plain } from '../lib/content'
import { paths } from '../lib/paths'
import { absoluteUrl, siteArea } from '../lib/site'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = {
  settings: SiteSettings
  areaName: string
  guides: { slug: string; title: string; summary: string }[]
  support: Organisation | null
  draft: boolean
  canonical: string
}

export const getStaticProps: GetStaticProps<Props> = async ({ draftMode }) => {
  const content = await getContent({ draft: draftMode })
  const area = siteArea(content)
  const areaName = getArea(content, area).name
  const support = primarySupportOf(organisationsServingArea(content, area)) ?? null
  return {
    props: plain({
      settings: content.settings,
      areaName,
      guides: guidesForArea(content, area).map((g) => ({ slug: g.slug, title: g.title, summary: g.summary })),
      support,
      draft: Boolean(draftMode),
      canonical: absoluteUrl(paths.home()),
    }),
  }
}

export default function Home({ settings, areaName, guides, support, draft, canonical }: Props) {
  return (
    <Layout
      settings={settings}
      draft={draft}
      meta={{
        title: settings.identity.name,
        description: `Help for victims of crime in ${areaName}: what to do, who to call, and free, confidential support.`,
        canonical,
      }}
    >
      <h1>Help after a crime in {areaName}</h1>
      <Emergency notice={settings.emergencyNotice} />
      {support ? <HelpNow organisation={support} /> : null}
      <p className="lead">Clear advice on what to do next and who can help. Free, confidential support is available whether or not you have told the police.</p>
      <h2>Guides</h2>
      <ul className="card-list">
        {guides.map((g) => (
          <li key={g.slug}>
            <a href={paths.guide(g.slug)}>{g.title}</a>
            <p>{g.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href={paths.organisations()}>All organisations that can help in {areaName}</a>
      </p>
    </Layout>
  )
}
