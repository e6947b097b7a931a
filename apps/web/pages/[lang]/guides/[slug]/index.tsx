// A guide's translation at /<lang>/guides/<slug> (/ur/guides/cyber-crime-and-fraud): the same static page as
// the English one, in the translation's language and direction, regenerated on demand like it.
import type { GetStaticProps, PageConfig } from 'next'
import { GuidePage, type GuidePageProps } from '../../../../components/GuidePage'
import { guidePageProps, translatedGuideStaticPaths, translatedLanguage } from '../../../../lib/guidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths = translatedGuideStaticPaths

export const getStaticProps: GetStaticProps<GuidePageProps, { lang: string; slug: string }> = async ({ params, draftMode }) => {
  const lang = translatedLanguage(params?.lang)
  return lang ? guidePageProps(params?.slug, draftMode, lang) : { notFound: true }
}

export default GuidePage
