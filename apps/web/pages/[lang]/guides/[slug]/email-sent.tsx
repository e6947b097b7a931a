// Confirmation after "email me this advice" on a translated guide, in its language. It never shows or carries the address.
import type { GetStaticProps, PageConfig } from 'next'
import { EmailSentPage, type EmailSentProps } from '../../../../components/EmailSentPage'
import { emailSentProps, translatedGuideStaticPaths, translatedLanguage } from '../../../../lib/guidePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticPaths = translatedGuideStaticPaths

export const getStaticProps: GetStaticProps<EmailSentProps, { lang: string; slug: string }> = async ({ params, draftMode }) => {
  const lang = translatedLanguage(params?.lang)
  return lang ? emailSentProps(params?.slug, draftMode, lang) : { notFound: true }
}

export default EmailSentPage
