// The console's one stylesheet, for every page.
import type { AppProps } from 'next/app'
import '../styles/staff.css'

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}
