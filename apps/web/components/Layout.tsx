// Every page's frame: skip link, exit control, header, main, footer, and the head tags search engines read.
// The header, the title and the footer carry the service's own identity (site settings), not the software's.
import type { SiteSettings } from '@signpost/content'
import Head from 'next/head'
import type { ReactNode } from 'react'
import { paths } from '../lib/paths'
import { ExitThisPage } from './ExitThisPage'
import { ServiceName } from './ServiceName'

export type PageMeta = {
  title: string
  description: string
  /** Absolute canonical address; omitted for pages that should not be indexed. */
  canonical?: string
  noindex?: boolean
  /** The content revision the page shows, for staff (a meta tag; never in the reader's text). */
  revision?: string
}

export type LayoutProps = {
  settings: SiteSettings
  meta: PageMeta
  draft?: boolean
  children: ReactNode
}

export function Layout({ settings, meta, draft, children }: LayoutProps) {
  const { identity } = settings
  const fullTitle = meta.title === identity.name ? meta.title : `${meta.title} - ${identity.name}`
  return (
    <>
      <Head>
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {meta.noindex || draft ? <meta name="robots" content="noindex" /> : null}
        {meta.revision ? <meta name="content-revision" content={meta.revision} /> : null}
      </Head>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <ExitThisPage exitUrl={settings.exitUrl} />
      {draft ? (
        <div className="preview-banner" role="region" aria-label="Preview">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API route (it clears the draft cookie and
              redirects), not a page: the rule counts every file under pages/, api/ included, and <Link> would try to
              load it as a page */}
          Preview: showing drafts. <a href="/api/draft-mode/disable">Stop previewing</a>
        </div>
      ) : null}
      <header className="site-header">
        <div className="width-container site-brand">
          <ServiceName identity={identity} />
        </div>
        <div className="site-band">
          <div className="width-container">
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
        </div>
      </header>
      <div className="width-container">
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p className="footer-name">{identity.name}</p>
          {identity.funderLine ? <p className="funder-line">{identity.funderLine}</p> : null}
          <p className="footer-privacy">
            This site does not use cookies or tracking. Your visit is not recorded by this site. To leave quickly, use &ldquo;Exit this page&rdquo;
            <span className="keyboard-hint"> or press Shift 3 times</span>.
          </p>
        </footer>
      </div>
    </>
  )
}
