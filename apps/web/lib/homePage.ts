// What the home page in one language needs (/ in English, /<lang> in another): the area's guides in that
// language, the local support service with its words in that language, and the home pages of the other languages
// the area has guides in. A language with no guide here has no home page (404).
import { DEFAULT_LANGUAGE, getArea, guidesForArea, localiseOrganisation, organisationsServingArea, phrasesFor, primarySupportOf } from '@signpost/content'
import type { HomeProps } from '../components/HomePage'
import { getContent, plain } from './content'
import { languagesWithGuides } from './languages'
import { paths } from './paths'
import { phraseBook } from './phraseBook'
import { absoluteUrl, siteArea } from './site'

export async function homePageProps(draft: boolean | undefined, lang: string = DEFAULT_LANGUAGE): Promise<{ props: HomeProps } | { notFound: true }> {
  const content = await getContent({ draft })
  const area = siteArea(content)
  const languages = languagesWithGuides(content, area)
  const language = languages.find((l) => l.code === lang)
  if (!language) return { notFound: true }
  const support = primarySupportOf(organisationsServingArea(content, area))
  const book = phraseBook(content, language.code)
  return {
    props: plain({
      settings: content.settings,
      book,
      lang: language.tag,
      dir: language.dir,
      areaName: getArea(content, area).name,
      guides: guidesForArea(content, area, language.code).map((g) => ({ slug: g.slug, title: g.title, summary: g.summary })),
      support: support ? localiseOrganisation(support, phrasesFor(content, language.code)) : null,
      draft: Boolean(draft),
      canonical: absoluteUrl(paths.home(language.code)),
      versions: languages.map((l) => ({ language: l, href: paths.home(l.code), url: absoluteUrl(paths.home(l.code)) })),
    }),
  }
}
