// Confirmation after "email me this advice". It never shows or carries the address.
import type { GuideView } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Layout } from '../../../components/Layout'
import { guideStaticPaths, loadGuideView } from '../../../lib/guidePage'
import { paths } from '../../../lib/paths'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { view: GuideView; lang: string; draft: boolean }

export const getStaticPaths = guideStaticPaths

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params, draftMode }) => {
  const view = await loadGuideView(params?.slug ?? '', draftMode)
  if (!view) return { notFound: true }
  return { props: { view, lang: view.guide.language, draft: Boolean(draftMode) } }
}

export default function EmailSent({ view, draft }: Props) {
  return (
    <Layout
      settings={view.settings}
      draft={draft}
      meta={{ title: `Email on its way: ${view.guide.title}`, description: 'Your email has been queued.', noindex: true }}
    >
      <div className="confirmation" role="status">
        <h1>Your email is on its way</h1>
        <p>We will email the advice &ldquo;{view.guide.title}&rdquo; to the address you gave. It may take a few minutes to arrive.</p>
      </div>
      <p>If it does not arrive, check your junk folder, or download the leaflet from the guide page.</p>
      <p>
        <a href={paths.guide(view.guide.slug)}>Back to {view.guide.title}</a>
      </p>
    </Layout>
  )
}
