// Every page's frame: skip link, exit control, header, main, footer, and the head tags search engines read.
// The header, the title and the footer carry the service's own identity (site settings), not the software's.
// Every fixed word comes from the page's phrase book (its language, English fallback); a page in several
// languages lists the others as hreflang alternates (and x-default), so search engines offer each reader theirs.
import type { SiteSettings } from '@signpost/content'
import Head from 'next/head'
import type { ReactNode } from 'react'
import type { PhraseBook } from '../lib/phrases'
import { paths } from '../lib/paths'
import { ExitThisPage } from './ExitThisPage'
import { InLanguage, PhrasesProvider, usePhrases } from './Phrases'
import { ServiceName } from './ServiceName'

export type PageMeta = {
  title: string
  description: string
  /** Absolute canonical address; omitted for pages that should not be indexed. */
  canonical?: string
  noindex?: boolean
  /** The content revision the page shows, for staff (a meta tag; never in the reader's text). */
  revision?: string
  /** The same page in every language it exists in (this one included), absolute; x-default is `defaultHref`. */
  alternates?: { hreflang: string; href: string }[]
  defaultHref?: string
}

export type LayoutProps = {
  settings: SiteSettings
  book: PhraseBook
  meta: PageMeta
  draft?: boolean
  children: ReactNode
}

export function Layout({ book, ...rest }: LayoutProps) {
  return (
    <PhrasesProvider book={book}>
      <Frame {...rest} />
    </PhrasesProvider>
  )
}

function Frame({ settings, meta, draft, children }: Omit<LayoutProps, 'book'>) {
  const { t, p, tNodes, language, defaultHrefLang } = usePhrases()
  const { identity } = settings
  const alternates = meta.alternates && meta.alternates.length > 1 ? meta.alternates : []
  // A <title> cannot carry markup: on a right-to-left page each part is wrapped in Unicode's first-strong isolate
  // (U+2068 … U+2069), so an English service name keeps its place beside an Urdu title in the tab and the history.
  const isolate = (text: string) => (language.dir === 'rtl' ? `\u2068${text}\u2069` : text)
  const fullTitle = meta.title === identity.name ? meta.title : t('site.pageTitle', { title: isolate(meta.title), service: isolate(identity.name) })
  return (
    <>
      <Head>
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {meta.noindex || draft ? <meta name="robots" content="noindex" /> : null}
        {meta.revision ? <meta name="content-revision" content={meta.revision} /> : null}
        {alternates.map((a) => (
          <link key={a.hreflang} rel="alternate" hrefLang={a.hreflang} href={a.href} />
        ))}
        {alternates.length > 0 && meta.defaultHref ? <link rel="alternate" hrefLang="x-default" href={meta.defaultHref} /> : null}
      </Head>
      <a href="#main-content" className="skip-link">
        {p('site.skipToContent')}
      </a>
      <ExitThisPage exitUrl={settings.exitUrl} />
      {draft ? (
        <div className="preview-banner" role="region" aria-label="Preview">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API route (it clears the draft cookie and
              redirects), not a page: the rule counts every file under pages/, api/ included, and <Link> would try to
              load it as a page */}
          {tNodes('site.previewShowingDrafts', { stop: <a href="/api/draft-mode/disable">{p('site.stopPreviewing')}</a> })}
        </div>
      ) : null}
      <header className="site-header">
        <div className="width-container site-brand">
          <ServiceName identity={identity} />
        </div>
        <div className="site-band">
          <div className="width-container">
            <nav className="site-nav" aria-label={t('site.mainNavigation')}>
              <ul>
                <li>
                  <a href={paths.home(language.code)}>{p('site.guides')}</a>
                </li>
                <li>
                  {/* The organisation pages are in the site's default language: say so to the browser. */}
                  <a href={paths.organisations()} hrefLang={defaultHrefLang}>
                    {p('site.organisations')}
                  </a>
                </li>
                <li>
                  <a href={paths.search(language.code)}>{p('site.search')}</a>
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
          <p className="footer-name">
            <InLanguage>{identity.name}</InLanguage>
          </p>
          {identity.funderLine ? (
            <p className="funder-line">
              <InLanguage>{identity.funderLine}</InLanguage>
            </p>
          ) : null}
          <p className="footer-privacy">
            {p('site.footerPrivacy')}{' '}
            {tNodes('site.footerLeaveQuickly', {
              exit: t('site.exitThisPage'),
              keyboardHint: <span className="keyboard-hint"> {p('site.footerKeyboardHint')}</span>,
            })}
          </p>
        </footer>
      </div>
    </>
  )
}
