// The audit log for supervisors: sends, prints, sign-ins and every refused request, newest first; CSV export.
import type { GetServerSideProps, PageConfig } from 'next'
import { Forbidden, Layout } from '../components/Layout'
import { auditEntries, type AuditEntry } from '../lib/audit'
import { guardPage, type PageUser } from '../lib/guard'
import Link from 'next/link'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = { user: PageUser; forbidden?: boolean; entries?: AuditEntry[] }

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'supervise')
  if (!g.ok) return g.result
  return { props: { user: g.user, entries: await auditEntries(500) } }
}

export default function Audit({ user, forbidden, entries = [] }: Props) {
  if (forbidden) return <Forbidden user={user} />
  return (
    <Layout title="Audit log" user={user}>
      <p>
        <Link href="/api/audit.csv" download="signpost-staff-audit.csv">
          Download the whole log as CSV
        </Link>
      </p>
      <table>
        <caption className="hint">The latest 500 entries. Addresses are masked; entries are kept when the outbox erases addresses.</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Outcome</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>
                {e.actorName} <span className="hint">{e.roles}</span>
              </td>
              <td>{e.action}</td>
              <td>{e.outcome}</td>
              <td>
                {e.detail}
                {e.address ? ` [${e.address}]` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  )
}
