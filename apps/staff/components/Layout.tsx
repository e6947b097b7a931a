// The console's frame: skip link, the signed-in person with their roles and a sign-out button, the sections their
// roles allow, and the page's main content. Plain HTML forms: the console needs no JavaScript.
import Head from 'next/head'
import type { ReactNode } from 'react'
import type { PageUser } from '../lib/guard'
import { may, ROLE_LABELS, isRole, type Role } from '../lib/roles'
import Link from 'next/link'

export function Layout({ title, user, children }: { title: string; user?: PageUser; children: ReactNode }) {
  const roles = (user?.roles ?? []).filter(isRole) as Role[]
  return (
    <>
      <Head>
        <title>{`${title} · Signpost staff`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <a className="skip" href="#main">
        Skip to main content
      </a>
      <header className="top">
        <p className="brand">Signpost staff console</p>
        {user ? (
          <nav aria-label="Console">
            <ul>
              <li>
                <Link href="/">Home</Link>
              </li>
              {may(roles, 'send') ? (
                <li>
                  <Link href="/send">Send advice</Link>
                </li>
              ) : null}
              {may(roles, 'send') ? (
                <li>
                  <Link href="/sent">What I sent</Link>
                </li>
              ) : null}
              {may(roles, 'print') ? (
                <li>
                  <Link href="/print">Print a pack</Link>
                </li>
              ) : null}
              {may(roles, 'supervise') ? (
                <li>
                  <Link href="/audit">Audit log</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        {user ? (
          <form method="post" action="/api/auth/signout" className="who">
            <span>
              {user.name} ({roles.map((r) => ROLE_LABELS[r]).join(', ')})
            </span>{' '}
            <input type="hidden" name="csrf" value={user.csrf} />
            <button type="submit">Sign out</button>
          </form>
        ) : null}
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  )
}

export function Forbidden({ user }: { user: PageUser }) {
  return (
    <Layout title="Not allowed" user={user}>
      <p>Your role does not give you access to this page. If you need it, ask a supervisor.</p>
    </Layout>
  )
}
