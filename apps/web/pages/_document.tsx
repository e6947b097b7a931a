// The HTML shell: the page's language (a guide's own language), and the one script pages carry, the
// standalone exit-this-page control. Next's own runtime is left off every content page (unstable_runtimeJS).
import { colours } from '@signpost/brand'
import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'
import { fontPreloads } from '../lib/fontPreloads.generated'

export default function Document(props: DocumentProps) {
  const pageProps = (props.__NEXT_DATA__.props as { pageProps?: { lang?: unknown } } | undefined)?.pageProps
  const lang = typeof pageProps?.lang === 'string' && pageProps.lang ? pageProps.lang : 'en-GB'
  return (
    <Html lang={lang}>
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
