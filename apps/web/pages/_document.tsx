// The HTML shell: the page's language and direction (a guide's own: lang="ur" dir="rtl" on an Urdu page), and
// the one script pages carry, the standalone exit-this-page control. Next's own runtime is left off every content
// page (unstable_runtimeJS). _document has no data fetching of its own, so it reads the page's `lang` (a BCP 47
// tag) and `dir` props from the __NEXT_DATA__ Next hands it; a page without them is English, left to right.
// (Next's i18n config was not used: it would put every route, organisations and search included, under each
// locale, gives <html> no dir, and a guide exists in its own set of languages, not the site's.)
import { colours } from '@signpost/brand'
import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'
import { fontPreloads } from '../lib/fontPreloads.generated'

export default function Document(props: DocumentProps) {
  const pageProps = (props.__NEXT_DATA__.props as { pageProps?: { lang?: unknown; dir?: unknown } } | undefined)?.pageProps
  const lang = typeof pageProps?.lang === 'string' && pageProps.lang ? pageProps.lang : 'en-GB'
  const dir = pageProps?.dir === 'rtl' ? 'rtl' : 'ltr'
  return (
    <Html lang={lang} dir={dir}>
      <Head>
        <meta name="theme-color" content={colours.brand} />
        <link rel="icon" href="data:," />
        {fontPreloads.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />
        ))}
      </Head>
      <body>
        <Main />
        <NextScript />
        <script src="/exit-this-page.js" defer />
      </body>
    </Html>
  )
}
