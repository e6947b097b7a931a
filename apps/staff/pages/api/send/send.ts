// POST /api/send/send: queues the previewed draft in the outbox the email CLI and API use (EMAIL_DB), with this staff
// member as its creator and the form's key as idempotency key, then shows "What I sent".
import { DEFAULT_LANGUAGE, rules } from '@signpost/content'
import { IdempotencyConflictError, RateLimitError } from '@signpost/email'
import { maskMobileNumber } from '@signpost/outbox'
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { draftFor } from '../../../lib/drafts'
import { field } from '../../../lib/forms'
import { guardApi } from '../../../lib/guard'
import { staffClient } from '../../../lib/render'
import { outbox, smsOutbox, staffDb } from '../../../lib/state'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'send')
  if (!session) return
  const draft = draftFor(field(req.body, 'key'), session.sub)
  if (!draft) {
    res
      .status(404)
      .setHeader('Content-Type', 'text/plain; charset=utf-8')
      .end('There is no such draft (drafts last an hour, and end when the console restarts): fill in the Send advice form again.')
    return
  }
  if (draft.messageId) {
    // Sent already (a second click, a refresh): the same message, nothing new queued.
    res.redirect(303, `/sent?sent=${encodeURIComponent(draft.messageId)}`)
    return
  }
  // Everything the request needs is read now, before any await: a second submission racing this one sends the same
  // request with the same key, which the outbox answers with the first one's id.
  const request = {
    guide: draft.guide,
    to: draft.to,
    area: draft.area || undefined,
    lang: draft.lang,
    neutral: draft.neutral,
    idempotencyKey: draft.key,
    origin: 'api' as const,
  }
  const masked = draft.channel === 'sms' ? maskMobileNumber(draft.to) : rules.maskEmailAddress(draft.to)
  const what = `${draft.channel === 'sms' ? 'text: ' : ''}${draft.guide}${draft.area ? ` (${draft.area})` : ''}${draft.lang !== DEFAULT_LANGUAGE ? `, in ${draft.lang}` : ''}${draft.neutral ? ', neutral' : ''}${draft.attachLeaflet ? ', leaflet attached' : ''}`
  try {
    const options = { apiClient: staffClient(session.sub) }
    const { id, created } =
      draft.channel === 'sms'
        ? await (await smsOutbox()).enqueue(request, options)
        : await (await outbox()).enqueue({ ...request, attachLeaflet: draft.attachLeaflet }, options)
    draft.messageId = id
    // The address is in the outbox now; this server's copy is no longer needed.
    draft.to = ''
    if (created) {
      staffDb().prepare('INSERT OR IGNORE INTO sends (message_id, sub, name, created_at) VALUES (?, ?, ?, ?)').run(id, session.sub, session.name, Date.now())
      audit({
        actor: session.sub,
        actorName: session.name,
        roles: session.roles,
        action: 'send',
        outcome: 'ok',
        detail: `queued ${id}: ${what}`,
        address: masked,
      })
    }
    res.redirect(303, `/sent?sent=${encodeURIComponent(id)}`)
  } catch (e) {
    const known =
      e instanceof RateLimitError ||
      e instanceof IdempotencyConflictError ||
      (e instanceof Error && /^Advice(Email|Sms)RequestError$|^SmsTooLongError$/.test(e.name))
    if (!known) throw e
    audit({
      actor: session.sub,
      actorName: session.name,
      roles: session.roles,
      action: 'send',
      outcome: 'failed',
      detail: `${what}: ${e.message}`,
      address: masked,
    })
    draft.error = e.message
    res.redirect(303, `/send?draft=${draft.key}`)
  }
}
