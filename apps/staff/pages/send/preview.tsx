// Send advice, step 2: the email exactly as it will be sent (subject, sender, the HTML in a sandboxed frame, the
// plain text), then "Send". The form carries the draft's key: sending twice queues one message.
import type { GetServerSideProps, PageConfig } from 'next'
import { Forbidden, Layout } from '../../components/Layout'
import { draftFor } from '../../lib/drafts'
import { guardPage, type PageUser } from '../../lib/guard'
import { renderDraft, renderSmsDraft } from '../../lib/render'
import Link from 'next/link'

export const config: PageConfig = { unstable_runtimeJS: false }

type Props = {
  user: PageUser
  forbidden?: boolean
  draft?: { key: string; to: string; guideTitle: string; areaName: string; languageName: string; neutral: boolean; attachLeaflet: boolean }
  /** The message's language, for its text shown here (Urdu is read right to left). */
  written?: { lang: string; dir: 'ltr' | 'rtl' }
  email?: { subject: string; senderName: string | null; text: string }
  sms?: { body: string; texts: number }
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'send')
  if (!g.ok) return g.result
  const draft = draftFor(ctx.query.draft, g.session.sub)
  if (!draft || draft.error) return { redirect: { destination: draft ? `/send?draft=${draft.key}` : '/send', permanent: false } }
  if (draft.messageId) return { redirect: { destination: `/sent?sent=${encodeURIComponent(draft.messageId)}`, permanent: false } }
  if (draft.channel === 'sms') {
    const text = await renderSmsDraft(draft)
    return {
      props: {
        user: g.user,
        draft: {
          key: draft.key,
          to: draft.to,
          guideTitle: text.guideTitle,
          areaName: text.areaName,
          languageName: text.languageName,
          neutral: draft.neutral,
          attachLeaflet: false,
        },
        sms: { body: text.body, texts: text.texts },
        written: { lang: text.languageTag, dir: text.dir },
      },
    }
  }
  const rendered = await renderDraft(draft)
  return {
    props: {
      user: g.user,
      draft: {
        key: draft.key,
        to: draft.to,
        guideTitle: rendered.guideTitle,
        areaName: rendered.areaName,
        languageName: rendered.languageName,
        neutral: draft.neutral,
        attachLeaflet: draft.attachLeaflet,
      },
      email: { subject: rendered.subject, senderName: rendered.senderName ?? null, text: rendered.text },
      written: { lang: rendered.languageTag, dir: rendered.dir },
    },
  }
}

export default function Preview({ user, forbidden, draft, email, sms, written }: Props) {
  if (forbidden || !draft) return <Forbidden user={user} />
  const sendForm = (
    <form method="post" action="/api/send/send">
      <input type="hidden" name="csrf" value={user.csrf} />
      <input type="hidden" name="key" value={draft.key} />
      <button type="submit">Send</button>
    </form>
  )
  if (sms) {
    return (
      <Layout title="Check the text, then send it" user={user}>
        <table>
          <tbody>
            <tr>
              <th scope="row">To</th>
              <td>{draft.to}</td>
            </tr>
            <tr>
              <th scope="row">Guide</th>
              <td>
                {draft.guideTitle} ({draft.areaName})
              </td>
            </tr>
            <tr>
              <th scope="row">Language</th>
              <td id="language">{draft.languageName}</td>
            </tr>
            <tr>
              <th scope="row">Length</th>
              <td>{sms.texts === 1 ? '1 text' : `${sms.texts} texts`}</td>
            </tr>
          </tbody>
        </table>
        <h2>The text</h2>
        <pre id="sms-body" lang={written?.lang} dir={written?.dir}>
          {sms.body}
        </pre>
        {sendForm}
        <p>
          <Link href={`/send?draft=${draft.key}`}>Change something</Link>
        </p>
      </Layout>
    )
  }
  if (!email) return <Forbidden user={user} />
  return (
    <Layout title="Check the email, then send it" user={user}>
      <table>
        <tbody>
          <tr>
            <th scope="row">To</th>
            <td>{draft.to}</td>
          </tr>
          <tr>
            <th scope="row">From (name)</th>
            <td>{email.senderName ?? '(the address only)'}</td>
          </tr>
          <tr>
            <th scope="row">Subject</th>
            <td id="subject" lang={written?.lang} dir={written?.dir}>
              {email.subject}
            </td>
          </tr>
          <tr>
            <th scope="row">Guide</th>
            <td>
              {draft.guideTitle} ({draft.areaName})
            </td>
          </tr>
          <tr>
            <th scope="row">Language</th>
            <td id="language">{draft.languageName}</td>
          </tr>
          <tr>
            <th scope="row">Options</th>
            <td>{[draft.neutral ? 'neutral' : 'not neutral', draft.attachLeaflet ? 'leaflet attached as a PDF' : 'no attachment'].join(', ')}</td>
          </tr>
        </tbody>
      </table>
      <h2>The email</h2>
      <iframe className="preview" title="The email as it will arrive" src={`/api/send/frame?draft=${draft.key}`} sandbox="" />
      <details>
        <summary>Plain-text version</summary>
        <pre lang={written?.lang} dir={written?.dir}>
          {email.text}
        </pre>
      </details>
      {sendForm}
      <p>
        <Link href={`/send?draft=${draft.key}`}>Change something</Link>
      </p>
    </Layout>
  )
}
