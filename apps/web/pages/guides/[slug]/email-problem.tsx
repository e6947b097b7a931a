// /guides/<slug>/email-problem?email=<code>, after a failed "email me" request: the guide page again, with
// the problem explained above the form. Server-rendered because it reads the query; never indexed.
import type { GetServerSideProps, PageConfig } from 'next'
import { EMAIL_ERRORS, emailErrorMessage } from '../../../lib/emailErrors'
import { loadGuideView } from '../../../lib/guidePage'
import { leafletSizes } from '../../../lib/leaflets'
import { GuidePage, type GuidePageProps } from '../../../components/GuidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps: GetServerSideProps<GuidePageProps, { slug: string }> = async ({ params, query, draftMode }) => {
  const view = await loadGuideView(params?.slug ?? '', draftMode)
  if (!view) return { notFound: true }
  const emailError = emailErrorMessage(query.email) ?? EMAIL_ERRORS.unavailable
  return {
    props: { view, lang: view.guide.language, leaflets: await leafletSizes(view), draft: Boolean(draftMode), emailError },
  }
}

export default GuidePage
