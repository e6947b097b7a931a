// Loads what a guide page and its sub-pages need: the view of the guide for this site's area in one language
// (local contacts first, organisations localised, from @signpost/content) and that language's phrase book, or
// null when the guide does not exist here in that language.
import { DEFAULT_LANGUAGE, guidesForArea, isSupportedLanguage, NotFoundError, SUPPORTED_LANGUAGES, viewGuide, type GuideView } from '@signpost/content'
import type { GetStaticPaths } from 'next'
import type { EmailSentProps } from '../components/EmailSentPage'
import { guidePageBase, type GuidePageProps } from '../components/GuidePage'
import { getContent, plain } from './content'
import type { EmailErrorCode } from './emailErrors'
import { leafletSizes, withPhrases } from './leaflets'
import { phraseBook } from './phraseBook'
import type { PhraseBook } from './phrases'
import { siteArea } from './site'

/** The guide's view in `lang` (default: English), or null when the guide or the language is not here. */
export async function loadGuideView(slug: string, draft = false, lang: string = DEFAULT_LANGUAGE): Promise<GuideView | null> {
  const view = (await loadGuidePage(slug, draft, lang))?.view
  // Its phrases' t came off in plain(); API routes hand the view to the leaflet and email renderers, which call it.
  return view ? withPhrases(view) : null
}

export type GuidePageData = { view: GuideView; book: PhraseBook }

/** The view and the phrase book a guide page in `lang` prints. */
export async function loadGuidePage(slug: string, draft = false, lang: string = DEFAULT_LANGUAGE): Promise<GuidePageData | null> {
  if (!isSupportedLanguage(lang)) return null
  const content = await getContent({ draft })
  try {
    return plain({ view: viewGuide(content, slug, siteArea(content), lang), book: phraseBook(content, lang) })
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

/** getStaticPaths of the guide page and its sub-pages: every guide of the area, others rendered on first request. */
export const guideStaticPaths: GetStaticPaths = async () => {
  const content = await getContent()
  return { paths: guidesForArea(content, siteArea(content)).map((g) => ({ params: { slug: g.slug } })), fallback: 'blocking' }
}

/** The same for /<lang>/guides/<slug>: every translation there is now; a new one is rendered on first request. */
export const translatedGuideStaticPaths: GetStaticPaths = async () => {
  const content = await getContent()
  const area = siteArea(content)
  return {
    paths: SUPPORTED_LANGUAGES.filter((l) => l.code !== DEFAULT_LANGUAGE).flatMap((l) =>
      guidesForArea(content, area, l.code).map((g) => ({ params: { lang: l.code, slug: g.slug } })),
    ),
    fallback: 'blocking',
  }
}

/** The language segment of a /<lang>/… page: a supported language other than the default (which has no prefix). */
export function translatedLanguage(param: unknown): string | undefined {
  return typeof param === 'string' && param !== DEFAULT_LANGUAGE && isSupportedLanguage(param) ? param : undefined
}

/** getStaticProps/getServerSideProps of a guide page in `lang`: its view, phrases, <html> lang/dir, leaflet sizes. */
export async function guidePageProps(slug: string | undefined, draft: boolean | undefined, lang: string = DEFAULT_LANGUAGE, emailError?: EmailErrorCode) {
  const data = await loadGuidePage(slug ?? '', draft, lang)
  if (!data) return { notFound: true as const }
  const props: GuidePageProps = {
    ...guidePageBase(data.view, data.book),
    leaflets: await leafletSizes(data.view),
    draft: Boolean(draft),
    ...(emailError ? { emailError } : {}),
  }
  return { props }
}

/** getStaticProps of the "email on its way" page in `lang`. */
export async function emailSentProps(slug: string | undefined, draft: boolean | undefined, lang: string = DEFAULT_LANGUAGE) {
  const data = await loadGuidePage(slug ?? '', draft, lang)
  if (!data) return { notFound: true as const }
  const props: EmailSentProps = { ...guidePageBase(data.view, data.book), draft: Boolean(draft) }
  return { props }
}
