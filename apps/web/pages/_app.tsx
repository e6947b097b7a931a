// Loads the site's stylesheets (served as static CSS files, so style-src 'self' holds) for every page.
import type { AppProps } from 'next/app'
import '../styles/brand.generated.css'
import '../styles/site.css'

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}
