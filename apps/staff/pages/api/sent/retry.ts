// POST /api/sent/retry (supervisors): puts a failed or waiting message back in the queue now.
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { field } from '../../../lib/forms'
import { guardApi } from '../../../lib/guard'
import { outbox, smsOutbox } from '../../../lib/state'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'supervise')
  if (!session) return
  const id = field(req.body, 'id')
  const sms = field(req.body, 'channel') === 'sms'
  try {
    const m = sms ? await (await smsOutbox()).retry(id) : await (await outbox()).retry(id)
    audit({
      actor: session.sub,
      actorName: session.name,
      roles: session.roles,
      action: 'retry',
      outcome: 'ok',
      detail: `retry ${id} (${m.guide})`,
      address: m.to,
    })
    res.redirect(303, `/sent?notice=${encodeURIComponent(`Message ${id} is queued again.`)}`)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    audit({ actor: session.sub, actorName: session.name, roles: session.roles, action: 'retry', outcome: 'failed', detail: `retry ${id}: ${why}` })
    res.redirect(303, `/sent?notice=${encodeURIComponent(`Could not retry ${id}: ${why}`)}`)
  }
}
