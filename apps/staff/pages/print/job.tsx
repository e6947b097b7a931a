// A pack being built: pages done of pages total, refreshing itself every 2 seconds without JavaScript, then the
// download link. The refresh is the HTTP Refresh header (what a meta refresh does, from the server), with a link to
// turn it off (WCAG 2.2.1): axe rightly flags a timed <meta http-equiv="refresh">, which the reader cannot stop.
import type { GetServerSideProps, PageConfig } from 'next'
import { Forbidden, Layout } from '../../components/Layout'
import { guardPage, type PageUser } from '../../lib/guard'
import { jobFor } from '../../lib/packs'
import { may } from '../../lib/roles'
import Link from 'next/link'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = {
  user: PageUser
  forbidden?: boolean
  refreshing?: boolean
  job?: { id: string; status: string; done: number; total: number; summary: string; warning: string | null; error: string | null; fileName: string }
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'print')
  if (!g.ok) return g.result
  const job = jobFor(ctx.query.id, g.session.sub, may(g.session.roles, 'supervise'))
  if (!job) return { notFound: true }
  const refreshing = job.status === 'building' && ctx.query.still !== '1'
  if (refreshing) ctx.res.setHeader('Refresh', '2')
  return {
    props: {
      user: g.user,
      refreshing,
      job: {
        id: job.id,
        status: job.status,
        done: job.pagesDone,
        total: job.pagesTotal,
        summary: job.summary,
        warning: job.warning ?? null,
        error: job.error ?? null,
        fileName: job.fileName,
      },
    },
  }
}

export default function Job({ user, forbidden, refreshing, job }: Props) {
  if (forbidden || !job) return <Forbidden user={user} />
  if (job.status === 'building') {
    return (
      <Layout title="Building the pack" user={user}>
        <p role="status" id="progress-text">
          {job.total ? `${job.done} of ${job.total} pages done.` : 'Starting…'} {refreshing ? 'This page refreshes itself every 2 seconds.' : ''}
        </p>
        <progress max={job.total || 1} value={job.done} aria-labelledby="progress-text" />
        <p>
          {refreshing ? (
            <Link href={`/print/job?id=${job.id}&still=1`}>Stop refreshing this page</Link>
          ) : (
            <Link href={`/print/job?id=${job.id}`}>Check again</Link>
          )}
        </p>
      </Layout>
    )
  }
  if (job.status === 'failed') {
    return (
      <Layout title="The pack could not be built" user={user}>
        <div className="error" role="alert">
          <p>{job.error}</p>
        </div>
        <p>
          <Link href="/print">Try again</Link>
        </p>
      </Layout>
    )
  }
  return (
    <Layout title="Your pack is ready" user={user}>
      <p role="status">{job.summary}.</p>
      {job.warning ? <p className="error">{job.warning}</p> : null}
      <p>
        <Link className="button" href={`/api/print/download?id=${job.id}`} download={job.fileName}>
          Download the pack (PDF)
        </Link>
      </p>
      <p>Print double-sided: every leaflet starts on a new sheet.</p>
    </Layout>
  )
}
