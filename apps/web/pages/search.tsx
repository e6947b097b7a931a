// Search over guides (in every language) and organisations: a GET form that works without JavaScript (/search?q=...).
// The same page in another language is /<lang>/search (pages/[lang]/search.tsx).
import type { GetServerSideProps, PageConfig } from 'next'
import { SearchPage, type SearchProps } from '../components/SearchPage'
import { searchPageProps } from '../lib/searchPage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getServerSideProps: GetServerSideProps<SearchProps> = (context) => searchPageProps(context)

export default SearchPage
