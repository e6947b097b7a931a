// Home: what this person's roles let them do.
import type { GetServerSideProps, PageConfig } from 'next'
import { Layout } from '../components/Layout'
import { guardPage, type PageUser } from '../lib/guard'
import { may, isRole } from '../lib/roles'
import Link from 'next/link'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { user: PageUser }

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'any')
  if (!g.ok) return g.result
  return { props: { user: g.user } }
}

export default function Home({ user }: Props) {
  const roles = user.roles.filter(isRole)
  return (
    <Layout title="Staff console" user={user}>
      <ul>
        {may(roles, 'send') ? (
          <li>
            <Link href="/send">Send advice to someone by email</Link>, and see <Link href="/sent">what you sent</Link>
          </li>
        ) : null}
        {may(roles, 'print') ? (
          <li>
            <Link href="/print">Print a pack of leaflets</Link> for a station or front desk
          </li>
        ) : null}
        {may(roles, 'supervise') ? (
          <li>
            <Link href="/audit">Read the audit log</Link> or download it as CSV
          </li>
        ) : null}
      </ul>
    </Layout>
  )
}
