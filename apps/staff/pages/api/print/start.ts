// POST /api/print/start (front desk, supervisors): checks the choices and starts building the pack in a worker thread.
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
  const format = field(req.body, 'format') || 'standard'
  const layout = field(req.body, 'layout') || 'standard'
  const copiesText = field(req.body, 'copies') || '1'
  const copies = Number(copiesText)
  const back = (why: string) => res.redirect(303, `/print?area=${encodeURIComponent(area)}&error=${encodeURIComponent(why)}`)
  if (!c.areas.some((a) => a.slug === area)) return back(`Area: there is no area "${area}".`)
  const unknown = guides.filter((g) => !c.guides.some((x) => x.slug === g))
  if (unknown.length) return back(`Guides: there is no guide "${unknown[0]}".`)
  if (format !== 'standard' && format !== 'large-print') return back(`Format: "${format}" is not standard or large-print.`)
  if (layout !== 'standard' && layout !== 'booklet') return back(`Layout: "${layout}" is not standard or booklet.`)
  if (!/^\d+$/.test(copiesText) || copies < 1 || copies > MAX_COPIES) return back(`Copies: "${copiesText}" is not a whole number from 1 to ${MAX_COPIES}.`)
  const what = `${guides.length ? guides.join(', ') : 'all guides'} for ${area}, ${format}, ${layout}, ${copies} copies`
  const job = startPack(session.sub, { area, guides, format, layout, copies }, (j) =>
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
