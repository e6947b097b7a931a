// /guides/<slug>/email-problem?email=<code>, after a failed "email me" request: the guide page again, with
// the problem explained above the form. Server-rendered because it reads the query; never indexed.
import type { GetServerSideProps, PageConfig } from 'next'
import { emailErrorCode } from '../../../lib/emailErrors'
import { guidePageProps } from '../../../lib/guidePage'
import { GuidePage, type GuidePageProps } from '../../../components/GuidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps: GetServerSideProps<GuidePageProps, { slug: string }> = ({ params, query, draftMode }) =>
  guidePageProps(params?.slug, draftMode, undefined, emailErrorCode(query.email) ?? 'unavailable')

export default GuidePage
