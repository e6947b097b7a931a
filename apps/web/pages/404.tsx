// Page not found: a way back to the guides and to help, with the exit control like every page.
import type { SiteSettings } from '@signpost/content'
import type { GetStaticProps, PageConfig } from 'next'
import { Emergency } from '../components/Emergency'
import { Layout } from '../components/Layout'
import { getContent, plain } from '../lib/content'
import { paths } from '../lib/paths'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { settings: SiteSettings }

export const getStaticProps: GetStaticProps<Props> = async () => {
  const content = await getContent()
  return { props: plain({ settings: content.settings }) }
}

export default function NotFound({ settings }: Props) {
  return (
    <Layout settings={settings} meta={{ title: 'Page not found', description: 'This page could not be found.', noindex: true }}>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct. If you pasted it, check you copied all of it.</p>
      <p>
        <a href={paths.home()}>See all guides</a> or <a href={paths.search()}>search</a>.
      </p>
      <Emergency notice={settings.emergencyNotice} />
    </Layout>
  )
}
