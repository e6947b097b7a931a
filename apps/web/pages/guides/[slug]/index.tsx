// A guide at /guides/<slug>: static HTML with no framework script, regenerated on demand (POST
// /api/revalidate) when the guide, its organisations, the area or the site settings change.
import type { GetStaticProps, PageConfig } from 'next'
import { GuidePage, type GuidePageProps } from '../../../components/GuidePage'
import { guideStaticPaths, loadGuideView } from '../../../lib/guidePage'
import { leafletSizes } from '../../../lib/leaflets'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths = guideStaticPaths

export const getStaticProps: GetStaticProps<GuidePageProps, { slug: string }> = async ({ params, draftMode }) => {
  const view = await loadGuideView(params?.slug ?? '', draftMode)
  if (!view) return { notFound: true }
  return { props: { view, lang: view.guide.language, leaflets: await leafletSizes(view), draft: Boolean(draftMode) } }
}

export default GuidePage
