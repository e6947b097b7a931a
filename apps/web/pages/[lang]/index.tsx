// /<lang> (/ur, /cy, /pl): the home page in that language, listing the area's guides in it. Any other first
// segment that is not a page is not found (only supported languages other than English are built).
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '@signpost/content'
import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next'
import { HomePage, type HomeProps } from '../../components/HomePage'
import { translatedLanguage } from '../../lib/guidePage'
import { homePageProps } from '../../lib/homePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths: GetStaticPaths = () => ({
  paths: SUPPORTED_LANGUAGES.filter((l) => l.code !== DEFAULT_LANGUAGE).map((l) => ({ params: { lang: l.code } })),
  // The languages are code (packages/content/src/languages.ts): a new one comes with a new build.
  fallback: false,
})

export const getStaticProps: GetStaticProps<HomeProps, { lang: string }> = async ({ params, draftMode }) => {
  const lang = translatedLanguage(params?.lang)
  return lang ? homePageProps(draftMode, lang) : { notFound: true }
}

export default HomePage
