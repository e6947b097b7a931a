// /<lang>/guides/<slug>/email-problem?email=<code>: the translated guide again, with the form's problem explained
// in its language. Server-rendered because it reads the query; never indexed.
import type { GetServerSideProps, PageConfig } from 'next'
import { GuidePage, type GuidePageProps } from '../../../../components/GuidePage'
import { emailErrorCode } from '../../../../lib/emailErrors'
import { guidePageProps, translatedLanguage } from '../../../../lib/guidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps: GetServerSideProps<GuidePageProps, { lang: string; slug: string }> = async ({ params, query, draftMode }) => {
  const lang = translatedLanguage(params?.lang)
  return lang ? guidePageProps(params?.slug, draftMode, lang, emailErrorCode(query.email) ?? 'unavailable') : { notFound: true }
}

export default GuidePage
