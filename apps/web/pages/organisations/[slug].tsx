// One organisation: what it does, how to contact it, and the guides that point to it.
import { DEFAULT_LANGUAGE, guidesSignposting, organisationsServingArea, type Organisation, type SiteSettings } from '@signpost/content'
import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next'
import { ContactPoints, OrganisationTags } from '../../components/ContactPoints'
import { Layout } from '../../components/Layout'
import { getContent, plain } from '../../lib/content'
import { paths } from '../../lib/paths'
import { t, type PhraseBook } from '../../lib/phrases'
import { phraseBook } from '../../lib/phraseBook'
import { siteArea } from '../../lib/site'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { settings: SiteSettings; book: PhraseBook; organisation: Organisation; guides: { slug: string; title: string }[]; draft: boolean }

export const getStaticPaths: GetStaticPaths = async () => {
  const content = await getContent()
  return { paths: organisationsServingArea(content, siteArea(content)).map((o) => ({ params: { slug: o.slug } })), fallback: 'blocking' }
}

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params, draftMode }) => {
  const content = await getContent({ draft: draftMode })
  const area = siteArea(content)
  const organisation = organisationsServingArea(content, area).find((o) => o.slug === params?.slug)
  if (!organisation) return { notFound: true }
  return {
    props: plain({
      settings: content.settings,
      book: phraseBook(content, DEFAULT_LANGUAGE),
      organisation,
      guides: guidesSignposting(content, organisation.slug, area).map((g) => ({ slug: g.slug, title: g.title })),
      draft: Boolean(draftMode),
    }),
  }
}

export default function OrganisationPage({ settings, book, organisation, guides, draft }: Props) {
  return (
    <Layout
      settings={settings}
      book={book}
      draft={draft}
      meta={{ title: organisation.name, description: organisation.description.slice(0, 155), canonical: organisation.url }}
    >
      <h1>{organisation.name}</h1>
      <OrganisationTags organisation={organisation} />
      <p className="lead">{organisation.description}</p>
      {organisation.contactPoints.length > 0 ? (
        <>
          <h2>{t(book, 'site.contactOrganisation', { name: organisation.name })}</h2>
          <ContactPoints organisation={organisation} />
        </>
      ) : null}
      {guides.length > 0 ? (
        <>
          <h2>{t(book, 'site.guidesThatMention', { name: organisation.name })}</h2>
          <ul className="card-list">
            {guides.map((g) => (
              <li key={g.slug}>
                <a href={paths.guide(g.slug)}>{g.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={paths.organisations()}>{t(book, 'site.allOrganisations')}</a>
      </p>
    </Layout>
  )
}
