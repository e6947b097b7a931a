// POST /api/print/start (front desk, supervisors): checks the choices and starts building the pack in a worker thread.
// Languages: one or several; a chosen guide must exist in each (the refusal names the languages it has), and with no
// guide chosen every language must have at least one guide for the area.
import { DEFAULT_LANGUAGE, getLanguage, guidesForArea, isSupportedLanguage, languageChoices, languagesOf } from '@signpost/content'
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { field, fields } from '../../../lib/forms'
import { guardApi } from '../../../lib/guard'
import { MAX_COPIES } from '../../../lib/limits'
import { startPack } from '../../../lib/packs'
import { content } from '../../../lib/state'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'print')
  if (!session) return
  const c = await content()
  const area = field(req.body, 'area') || c.settings.defaultArea
  const guides = fields(req.body, 'guide')
  const chosenLangs = fields(req.body, 'lang')
  const langs = chosenLangs.length ? [...new Set(chosenLangs)] : [DEFAULT_LANGUAGE]
  const format = field(req.body, 'format') || 'standard'
  const layout = field(req.body, 'layout') || 'standard'
  const copiesText = field(req.body, 'copies') || '1'
  const copies = Number(copiesText)
  const back = (why: string) => res.redirect(303, `/print?area=${encodeURIComponent(area)}&error=${encodeURIComponent(why)}`)
  if (!c.areas.some((a) => a.slug === area)) return back(`Area: there is no area "${area}".`)
  const unknown = guides.filter((g) => !c.guides.some((x) => x.slug === g))
  if (unknown.length) return back(`Guides: there is no guide "${unknown[0]}".`)
  const badLang = langs.find((l) => !isSupportedLanguage(l))
  if (badLang) return back(`Languages: "${badLang}" is not a language Signpost publishes in. Choose from ${languageChoices()}.`)
  for (const g of guides) {
    const has = languagesOf(c, g, area)
    const missing = langs.filter((l) => !has.some((x) => x.code === l))
    if (missing.length)
      return back(
        `Languages: the guide "${g}" is not written in ${missing.map((l) => getLanguage(l).name).join(' or ')}; it exists in ${has.map((l) => l.name).join(', ')}.`,
      )
  }
  if (!guides.length) {
    const empty = langs.find((l) => guidesForArea(c, area, l).length === 0)
    if (empty) return back(`Languages: there is no guide for this area in ${getLanguage(empty).name}.`)
  }
  if (format !== 'standard' && format !== 'large-print') return back(`Format: "${format}" is not standard or large-print.`)
  if (layout !== 'standard' && layout !== 'booklet') return back(`Layout: "${layout}" is not standard or booklet.`)
  if (!/^\d+$/.test(copiesText) || copies < 1 || copies > MAX_COPIES) return back(`Copies: "${copiesText}" is not a whole number from 1 to ${MAX_COPIES}.`)
  const what = `${guides.length ? guides.join(', ') : 'all guides'} for ${area}, in ${langs.join(', ')}, ${format}, ${layout}, ${copies} copies`
  const job = startPack(session.sub, { area, guides, langs, format, layout, copies }, (j) =>
    audit({
      actor: session.sub,
      actorName: session.name,
      roles: session.roles,
      action: 'print',
      outcome: j.status === 'done' ? 'ok' : 'failed',
      detail: j.status === 'done' ? j.summary : `${what}: ${j.error}`,
    }),
  )
  audit({ actor: session.sub, actorName: session.name, roles: session.roles, action: 'print', outcome: 'ok', detail: `started pack ${job.id}: ${what}` })
  res.redirect(303, `/print/job?id=${job.id}`)
}
