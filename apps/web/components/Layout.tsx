// Every page's frame: skip link, exit control, header, main, footer, and the head tags search engines read.
import type { SiteSettings } from '@signpost/content'
import Head from 'next/head'
import type { ReactNode } from 'react'
import { paths } from '../lib/paths'
import { ExitThisPage } from './ExitThisPage'

export type PageMeta = {
  title: string
  description: string
  /** Absolute canonical address; omitted for pages that should not be indexed. */
  canonical?: string
  noindex?: boolean
}

export type LayoutProps = {
  settings: SiteSettings
  meta: PageMeta
  draft?: boolean
  children: ReactNode
}

export function Layout({ settings, meta, draft, children }: LayoutProps) {
  const fullTitle = meta.title === settings.siteName ? meta.title : `${meta.title} - ${settings.siteName}`
  return (
    <>
      <Head>
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {meta.noindex || draft ? <meta name="robots" content="noindex" /> : null}
      </Head>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <ExitThisPage exitUrl={settings.exitUrl} />
      {draft ? (
        <div className="preview-banner" role="region" aria-label="Preview">
          Preview: showing drafts. <a href="/api/draft-mode/disable">Stop previewing</a>
        </div>
      ) : null}
      <header className="site-header">
        <div className="width-container">
          <a className="site-name" href={paths.home()}>
            {settings.siteName}
          </a>
          <nav className="site-nav" aria-label="Main">
            <ul>
              <li>
                <a href={paths.home()}>Guides</a>
              </li>
              <li>
                <a href={paths.organisations()}>Organisations</a>
              </li>
              <li>
                <a href={paths.search()}>Search</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <div className="width-container">
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {settings.siteName} does not use cookies or tracking. Your visit is not recorded by this site. To leave quickly, use
            &ldquo;Exit this page&rdquo; or press Shift 3 times.
          </p>
        </footer>
      </div>
    </>
  )
}
