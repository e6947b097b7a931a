// Confirmation after "email me this advice". It never shows or carries the address.
import type { GetStaticProps, PageConfig } from 'next'
import { EmailSentPage, type EmailSentProps } from '../../../components/EmailSentPage'
import { emailSentProps, guideStaticPaths } from '../../../lib/guidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths = guideStaticPaths

export const getStaticProps: GetStaticProps<EmailSentProps, { slug: string }> = ({ params, draftMode }) => emailSentProps(params?.slug, draftMode)

export default EmailSentPage
