// After signing out. With ?provider=1 (an identity provider that offers RP-initiated logout) it sends the browser on to
// the provider's own sign-out at once (the Refresh header: a navigation, which CSP form-action does not restrict, and no
// JavaScript), with a link as well; the provider then returns here without it.
import type { GetServerSideProps, PageConfig } from 'next'
import Link from 'next/link'
import { Layout } from '../components/Layout'
import { applyHeaders } from '../lib/guard'
import { endSessionUrl, oidcSettings } from '../lib/oidc'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { provider: boolean; providerLogout: string | null }

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  applyHeaders(ctx.res)
  const settings = oidcSettings()
  const providerLogout = settings && ctx.query.provider === '1' ? ((await endSessionUrl(ctx.req, settings).catch(() => undefined)) ?? null) : null
  if (providerLogout) ctx.res.setHeader('Refresh', `0; url=${providerLogout}`)
  return { props: { provider: Boolean(settings), providerLogout } }
}

export default function SignedOut({ provider, providerLogout }: Props) {
  return (
    <Layout title="Signed out">
      <p className="notice" role="status">
        You have signed out.
      </p>
      {providerLogout ? (
        <p>
          <a href={providerLogout}>Sign out of your organisation account too</a> (this should happen by itself).
        </p>
      ) : (
        <p>{provider ? <Link href="/api/auth/login">Sign in again</Link> : 'To sign in again, restart the console for a new one-time link.'}</p>
      )}
    </Layout>
  )
}
