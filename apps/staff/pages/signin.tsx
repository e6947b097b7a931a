// Sign-in: the organisation's identity provider if configured; otherwise how to use the one-time link.
import type { GetServerSideProps, PageConfig } from 'next'
import { Layout } from '../components/Layout'
import { applyHeaders } from '../lib/guard'
import { oidcSettings } from '../lib/oidc'
import Link from 'next/link'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { provider: boolean; signedOut: boolean }

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  applyHeaders(ctx.res)
  return { props: { provider: Boolean(oidcSettings()), signedOut: ctx.query.signedOut === '1' } }
}

export default function SignIn({ provider, signedOut }: Props) {
  return (
    <Layout title="Sign in">
      {signedOut ? <p className="notice">You have signed out.</p> : null}
      {provider ? (
        <p>
          <Link className="button" href="/api/auth/login">
            Sign in with your organisation account
          </Link>
        </p>
      ) : (
        <p>
          No identity provider is configured. Use the one-time sign-in link printed by <code>npm start</code> on the computer running the console. It works
          once, for 15 minutes, and only in a browser on that computer.
        </p>
      )}
    </Layout>
  )
}
