// Home: the emergency notice and how to get help now (on a phone's first screen), then the guides for this site's
// area in English, with the other languages linked (/cy, /pl, /ur: pages/[lang]/index.tsx).
import type { GetStaticProps, PageConfig } from 'next'
import { HomePage, type HomeProps } from '../components/HomePage'
import { homePageProps } from '../lib/homePage'

export const config: PageConfig = { unstable_runtimeJS: false }

export const getStaticProps: GetStaticProps<HomeProps> = ({ draftMode }) => homePageProps(draftMode)

export default HomePage
