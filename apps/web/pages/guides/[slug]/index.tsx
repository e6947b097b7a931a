// A guide at /guides/<slug>: static HTML with no framework script, regenerated on demand (POST
// /api/revalidate) when the guide, its organisations, the area or the site settings change.
// Its translations are at /<lang>/guides/<slug> (pages/[lang]/guides/[slug]/index.tsx).
import type { GetStaticProps, PageConfig } from 'next'
import { GuidePage, type GuidePageProps } from '../../../components/GuidePage'
import { guidePageProps, guideStaticPaths } from '../../../lib/guidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths = guideStaticPaths

export const getStaticProps: GetStaticProps<GuidePageProps, { slug: string }> = ({ params, draftMode }) => guidePageProps(params?.slug, draftMode)

export default GuidePage
