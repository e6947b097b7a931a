// Print a pack: choose guides (or all for the area), format, layout and copies; the pack is built in the background.
import { DEFAULT_LANGUAGE, getArea, guidesForArea } from '@signpost/content'
import * as leaflets from '@signpost/leaflets'
import type { GetServerSideProps, PageConfig } from 'next'
import { Forbidden, Layout } from '../../components/Layout'
import { guardPage, type PageUser } from '../../lib/guard'
import { languageOptions, type LanguageOption } from '../../lib/languages'
import { MAX_COPIES } from '../../lib/limits'
import { content } from '../../lib/state'

export const config: PageConfig = { unstable_runtimeJS: false }

/** Whether the leaflets library exports the booklet pack yet (looked up by name, so the build does not depend on it). */
function bookletAvailable(): boolean {
  const exported: Record<string, unknown> = { ...leaflets }
  return typeof exported[BOOKLET_PACK_EXPORT] === 'function'
}
const BOOKLET_PACK_EXPORT = ['render', 'Booklet', 'Pack'].join('')

type Option = { value: string; label: string }
type Props = {
  user: PageUser
  forbidden?: boolean
  area?: string
  areas?: Option[]
  guides?: Option[]
  languages?: LanguageOption[]
  /** The language ticked to begin with (English); passed in, so the page's own code needs nothing from @signpost/content. */
  defaultLanguage?: string
  booklet?: boolean
  error?: string | null
}

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const g = guardPage(ctx, 'print')
  if (!g.ok) return g.result
  const c = await content()
  const area = getArea(c, typeof ctx.query.area === 'string' && c.areas.some((a) => a.slug === ctx.query.area) ? ctx.query.area : c.settings.defaultArea)
  const guides = guidesForArea(c, area.slug)
  return {
    props: {
      user: g.user,
      area: area.slug,
      areas: c.areas.map((a) => ({ value: a.slug, label: a.name })),
      guides: guides.map((x) => ({ value: x.slug, label: x.title })),
      languages: languageOptions(
        c,
        guides.map((x) => x.slug),
        area.slug,
      ),
      defaultLanguage: DEFAULT_LANGUAGE,
      booklet: bookletAvailable(),
      error: typeof ctx.query.error === 'string' ? ctx.query.error.slice(0, 300) : null,
    },
  }
}

export default function Print({ user, forbidden, area, areas = [], guides = [], languages = [], defaultLanguage, booklet, error }: Props) {
  if (forbidden) return <Forbidden user={user} />
  return (
    <Layout title="Print a pack" user={user}>
      {error ? (
        <div className="error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <form method="post" action="/api/print/start">
        <input type="hidden" name="csrf" value={user.csrf} />
        <label htmlFor="area">Area</label>
        <select id="area" name="area" defaultValue={area}>
          {areas.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Guides</legend>
          <span className="hint">Choose none for every guide for this area.</span>
          {guides.map((x) => (
            <label className="check" key={x.value}>
              <input type="checkbox" name="guide" value={x.value} /> {x.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Languages</legend>
          <span className="hint">
            Each guide’s leaflet in every language chosen, the guide’s languages together. Only the languages the guides are written in.
          </span>
          {languages.map((l) => (
            <label className="check" key={l.value}>
              <input type="checkbox" name="lang" value={l.value} defaultChecked={l.value === defaultLanguage} /> {l.label}
              {l.everyGuide ? '' : ' (not every guide)'}
            </label>
          ))}
        </fieldset>
        <label htmlFor="format">Format</label>
        <select id="format" name="format" defaultValue="standard">
          <option value="standard">Standard</option>
          <option value="large-print">Large print</option>
        </select>
        <label htmlFor="layout">Layout</label>
        <select id="layout" name="layout" defaultValue="standard">
          <option value="standard">A4 leaflets</option>
          {booklet ? <option value="booklet">A5 booklets (print double-sided, flip on the short edge)</option> : null}
        </select>
        <label htmlFor="copies">
          Copies of each leaflet <span className="hint">1 to {MAX_COPIES}</span>
        </label>
        <input id="copies" name="copies" type="number" min={1} max={MAX_COPIES} defaultValue={5} />
        <br />
        <button type="submit">Build the pack</button>
      </form>
    </Layout>
  )
}
