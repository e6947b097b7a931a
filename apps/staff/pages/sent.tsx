// "What I sent": this person's messages with their state (a supervisor sees everyone's and can retry or cancel one), addresses masked.
import type { OutboxMessage } from '@signpost/email'
import type { GetServerSideProps, PageConfig } from 'next'
import { Forbidden, Layout } from '../components/Layout'
import { guardPage, type PageUser } from '../lib/guard'
import { may } from '../lib/roles'
import { outbox, smsOutbox, staffDb } from '../lib/state'

export const config: PageConfig = { unstable_runtimeJS: false }

type Row = {
  id: string
  channel: 'email' | 'sms'
  createdAt: string
  guide: string
  to: string
  status: string
  attempts: number
  reply: string | null
  creator: string
  canRetry: boolean
  canCancel: boolean
}
type Props = { user: PageUser; forbidden?: boolean; rows?: Row[]; all?: boolean; justSent?: string | null; notice?: string | null }

const STATUS_WORDS: Record<string, string> = {
  queued: 'Queued',
  sending: 'Sending now',
  sent: 'Sent',
  retrying: 'Waiting to retry',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'send')
  if (!g.ok) return g.result
  const box = await outbox()
  const texts = await smsOutbox()
  const supervisor = may(g.session.roles, 'supervise')
  const db = staffDb()
  const creators = new Map(
    (db.prepare('SELECT message_id, name FROM sends').all() as { message_id: string; name: string }[]).map((r) => [r.message_id, r.name]),
  )
  // Both channels' messages from the one queue: the email door reads only emails, the sms door only texts.
  type Message = Pick<OutboxMessage, 'id' | 'createdAt' | 'guide' | 'to' | 'status' | 'attempts' | 'lastError' | 'lastResponseCode' | 'origin' | 'purged'> & {
    channel: 'email' | 'sms'
  }
  const email = (m: OutboxMessage): Message => ({ ...m, channel: 'email' })
  const text = (m: Omit<Message, 'channel'>): Message => ({ ...m, channel: 'sms' })
  let messages: Message[]
  if (supervisor) {
    messages = [...(await box.list({ limit: 200 })).map(email), ...(await texts.list({ limit: 200 })).map(text)].sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    )
  } else {
    const ids = db.prepare('SELECT message_id FROM sends WHERE sub = ? ORDER BY created_at DESC LIMIT 200').all(g.session.sub) as { message_id: string }[]
    messages = (
      await Promise.all(
        ids.map(async (r) => {
          const e = await box.get(r.message_id)
          if (e) return email(e)
          const t = await texts.get(r.message_id)
          return t ? text(t) : undefined
        }),
      )
    ).filter((m): m is Message => m !== undefined)
  }
  const rows = messages.map((m) => ({
    id: m.id,
    channel: m.channel,
    createdAt: m.createdAt,
    guide: m.guide,
    to: m.to,
    status: STATUS_WORDS[m.status] ?? m.status,
    attempts: m.attempts,
    reply: m.lastError ? `${m.lastResponseCode ? `${m.lastResponseCode} ` : ''}${m.lastError}` : null,
    creator: creators.get(m.id) ?? `${m.origin} (not the console)`,
    canRetry: supervisor && (m.status === 'failed' || m.status === 'retrying') && !m.purged,
    canCancel: supervisor && (m.status === 'queued' || m.status === 'retrying'),
  }))
  const justSent = typeof ctx.query.sent === 'string' ? ctx.query.sent : null
  const notice = typeof ctx.query.notice === 'string' ? ctx.query.notice.slice(0, 300) : null
  return { props: { user: g.user, rows, all: supervisor, justSent, notice } }
}

export default function Sent({ user, forbidden, rows = [], all, justSent, notice }: Props) {
  if (forbidden) return <Forbidden user={user} />
  return (
    <Layout title={all ? 'Sent from Signpost (everyone)' : 'What I sent'} user={user}>
      {justSent ? (
        <p className="notice" role="status">
          Queued: it is sent in the next few seconds. Reload this page to see its state.
        </p>
      ) : null}
      {notice ? <p className="notice">{notice}</p> : null}
      {rows.length === 0 ? (
        <p>Nothing sent yet.</p>
      ) : (
        <table>
          <caption className="hint">Newest first. Addresses are masked.</caption>
          <thead>
            <tr>
              <th scope="col">Queued at</th>
              <th scope="col">Guide</th>
              <th scope="col">How</th>
              <th scope="col">To</th>
              <th scope="col">State</th>
              {all ? <th scope="col">By</th> : null}
              {all ? <th scope="col">Action</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} id={`m-${r.id}`} className={r.id === justSent ? 'just-sent' : undefined}>
                <td>{r.createdAt.replace('T', ' ').slice(0, 16)} UTC</td>
                <td>{r.guide}</td>
                <td>{r.channel === 'sms' ? 'Text' : 'Email'}</td>
                <td>{r.to}</td>
                <td className="state">
                  {r.status}
                  {r.attempts > 1 ? ` (${r.attempts} attempts)` : ''}
                  {r.reply ? (
                    <span className="hint">
                      {r.channel === 'sms' ? 'Notify said' : 'The mail server said'}: {r.reply}
                    </span>
                  ) : null}
                </td>
                {all ? <td>{r.creator}</td> : null}
                {all ? (
                  <td>
                    {r.canRetry ? (
                      <form method="post" action="/api/sent/retry">
                        <input type="hidden" name="csrf" value={user.csrf} />
                        <input type="hidden" name="id" value={r.id} />
                        <input type="hidden" name="channel" value={r.channel} />
                        <button type="submit" className="small">
                          Retry now
                        </button>
                      </form>
                    ) : null}
                    {r.canCancel ? (
                      <form method="post" action="/api/sent/cancel">
                        <input type="hidden" name="csrf" value={user.csrf} />
                        <input type="hidden" name="id" value={r.id} />
                        <input type="hidden" name="channel" value={r.channel} />
                        <button type="submit" className="small">
                          Cancel
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}
