// POST /api/sent/cancel (supervisors): cancels a queued or waiting message before a worker takes it, so it is never
// sent. One being sent, or already sent or failed, is left as it is and the notice says which.
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { field } from '../../../lib/forms'
import { guardApi } from '../../../lib/guard'
import { outbox } from '../../../lib/state'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'supervise')
  if (!session) return
  const id = field(req.body, 'id')
  const channel = field(req.body, 'channel') === 'sms' ? 'sms' : 'email'
  const actor = { actor: session.sub, actorName: session.name, roles: session.roles }
  // The one queue holds both channels; the guarded UPDATE inside cancel() decides against a worker claiming it now.
  const result = await (await outbox()).queue.cancel(id, session.name, { channel })
  if (result.cancelled) {
    const m = result.message
    audit({ ...actor, action: 'cancelled', outcome: 'ok', detail: `cancelled ${channel} ${id} (${m.guide})`, address: m.to })
    res.redirect(303, `/sent?notice=${encodeURIComponent(`Message ${id} is cancelled: it will not be sent.`)}`)
  } else {
    audit({ ...actor, action: 'cancelled', outcome: 'failed', detail: `cancel ${channel} ${id}: ${result.reason}` })
    res.redirect(303, `/sent?notice=${encodeURIComponent(result.reason)}`)
  }
}
