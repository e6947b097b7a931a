// /<lang>/search?q=...: search in another language's page (its words, its direction); it finds guides in every
// language, the page's own first.
import type { GetServerSideProps, PageConfig } from 'next'
import { SearchPage, type SearchProps } from '../../components/SearchPage'
import { translatedLanguage } from '../../lib/guidePage'
import { searchPageProps } from '../../lib/searchPage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps: GetServerSideProps<SearchProps, { lang: string }> = async (context) => {
  const lang = translatedLanguage(context.params?.lang)
  return lang ? searchPageProps(context, lang) : { notFound: true }
}

export default SearchPage
