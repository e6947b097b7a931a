// Send advice, step 1: choose the guide, area, language, recipient and options. "Preview" shows the email before anything is sent.
import { DEFAULT_LANGUAGE, getArea, guidesForArea } from '@signpost/content'
import type { GetServerSideProps, PageConfig } from 'next'
import Link from 'next/link'
import { Forbidden, Layout } from '../../components/Layout'
import { draftFor, newFormKey } from '../../lib/drafts'
import { guardPage, type PageUser } from '../../lib/guard'
import { languageOptions, type LanguageOption } from '../../lib/languages'
import { content } from '../../lib/state'

export const config: PageConfig = { unstable_runtimeJS: false }

type Option = { value: string; label: string }
type Props = {
  user: PageUser
  forbidden?: boolean
  formKey?: string
  guides?: Option[]
  areas?: Option[]
  languages?: LanguageOption[]
  values?: { channel: 'email' | 'sms'; guide: string; area: string; lang: string; to: string; mobile: string; neutral: boolean; attachLeaflet: boolean }
  error?: string | null
  query?: string
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'send')
  if (!g.ok) return g.result
  const c = await content()
  const draft = draftFor(ctx.query.draft, g.session.sub)
  const area = getArea(
    c,
    typeof ctx.query.area === 'string' && c.areas.some((a) => a.slug === ctx.query.area) ? ctx.query.area : (draft?.area ?? c.settings.defaultArea),
  )
  // "Find a guide": a plain GET search over titles and summaries (no JavaScript), narrowing the list below.
  const query = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 100) : ''
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const guides = guidesForArea(c, area.slug)
    .filter((x) => words.every((w) => `${x.title} ${x.slug} ${x.summary ?? ''}`.toLowerCase().includes(w)))
    .map((x) => ({ value: x.slug, label: x.title }))
  return {
    props: {
      user: g.user,
      formKey: draft && !draft.messageId && !draft.error?.startsWith('idempotencyKey') ? draft.key : newFormKey(),
      guides,
      areas: c.areas.map((a) => ({ value: a.slug, label: a.name })),
      languages: languageOptions(
        c,
        guides.map((x) => x.value),
        area.slug,
      ),
      values: {
        guide: draft?.guide ?? guides[0]?.value ?? '',
        area: area.slug,
        lang: draft?.lang ?? DEFAULT_LANGUAGE,
        channel: draft?.channel ?? 'email',
        to: draft?.channel === 'email' ? draft.to : '',
        mobile: draft?.channel === 'sms' ? draft.to : '',
        neutral: draft?.neutral ?? false,
        attachLeaflet: draft?.attachLeaflet ?? false,
      },
      error: draft?.error ?? null,
      query,
    },
  }
}

export default function Send({ user, forbidden, formKey, guides = [], areas = [], languages = [], values, error, query = '' }: Props) {
  if (forbidden || !values) return <Forbidden user={user} />
  return (
    <Layout title="Send advice" user={user}>
      {error ? (
        <div className="error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <form method="get" action="/send" role="search">
        <input type="hidden" name="area" value={values.area} />
        <label htmlFor="q">Find a guide</label>
        <input id="q" name="q" type="text" defaultValue={query} />{' '}
        <button type="submit" className="small">
          Find
        </button>
      </form>
      {guides.length === 0 ? (
        <p className="error" role="status">
          No guide for this area matches “{query}”. <Link href="/send">Show every guide</Link>
        </p>
      ) : null}
      <form method="post" action="/api/send/draft" noValidate>
        <input type="hidden" name="csrf" value={user.csrf} />
        <input type="hidden" name="key" value={formKey} />
        <label htmlFor="area">Area</label>
        <select id="area" name="area" defaultValue={values.area}>
          {areas.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        <label htmlFor="guide">
          Guide <span className="hint">Type the first letters to jump to a guide.</span>
        </label>
        <select id="guide" name="guide" defaultValue={values.guide}>
          {guides.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
        <label htmlFor="lang">
          Language <span className="hint">Only the languages the guide is written in. An attached leaflet is in the same language.</span>
        </label>
        <select id="lang" name="lang" defaultValue={values.lang}>
          {languages.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
              {l.everyGuide ? '' : ' – not every guide'}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Send it as</legend>
          <label className="check">
            <input type="radio" name="channel" value="email" defaultChecked={values.channel === 'email'} /> An email
          </label>
          <label className="check">
            <input type="radio" name="channel" value="sms" defaultChecked={values.channel === 'sms'} /> A text message
          </label>
        </fieldset>
        <label htmlFor="to">
          Their email address <span className="hint">For an email. Shown masked everywhere after sending.</span>
        </label>
        <input id="to" name="to" type="email" autoComplete="off" spellCheck={false} defaultValue={values.to} />
        <label htmlFor="mobile">
          Their mobile number <span className="hint">For a text: a UK mobile, for example 07700 900123.</span>
        </label>
        <input id="mobile" name="mobile" type="tel" autoComplete="off" defaultValue={values.mobile} />
        <fieldset>
          <legend>Options</legend>
          <label className="check">
            <input type="checkbox" name="neutral" defaultChecked={values.neutral} /> Neutral: a subject and sender name that say nothing about crime, for an
            inbox someone else may see
          </label>
          <label className="check">
            <input type="checkbox" name="attachLeaflet" defaultChecked={values.attachLeaflet} /> Attach the leaflet as a PDF (email only)
          </label>
        </fieldset>
        <button type="submit">Preview the message</button>
      </form>
    </Layout>
  )
}
