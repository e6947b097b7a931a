// Page not found: a way back to the guides and to help, with the exit control like every page.
import { DEFAULT_LANGUAGE, type SiteSettings } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Emergency } from '../components/Emergency'
import { Layout } from '../components/Layout'
import { getContent, plain } from '../lib/content'
import { paths } from '../lib/paths'
import { t, tNodes, type PhraseBook } from '../lib/phrases'
import { phraseBook } from '../lib/phraseBook'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { settings: SiteSettings; book: PhraseBook }

export const getStaticProps: GetStaticProps<Props> = async () => {
  const content = await getContent()
  return { props: plain({ settings: content.settings, book: phraseBook(content, DEFAULT_LANGUAGE) }) }
}

export default function NotFound({ settings, book }: Props) {
  return (
    <Layout settings={settings} book={book} meta={{ title: t(book, 'site.notFoundTitle'), description: t(book, 'site.notFoundDescription'), noindex: true }}>
      <h1>{t(book, 'site.notFoundTitle')}</h1>
      <p>{t(book, 'site.notFoundBody')}</p>
      <p>
        {tNodes(book, 'site.notFoundLinks', {
          guides: <a href={paths.home()}>{t(book, 'site.seeAllGuides')}</a>,
          search: <a href={paths.search()}>{t(book, 'site.searchLink')}</a>,
        })}
      </p>
      <Emergency notice={settings.emergencyNotice} />
    </Layout>
  )
}
