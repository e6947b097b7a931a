// POST /api/send/draft: checks the form with the email app's own rules, keeps it as a draft, and shows the preview
// (or the form again, with the outbox's message naming the field).
import { DEFAULT_LANGUAGE } from '@signpost/content'
import { validateRequest } from '@signpost/email'
import { validateSmsRequest } from '@signpost/sms'
import type { NextApiRequest, NextApiResponse } from 'next'
import { isFormKey, saveDraft } from '../../../lib/drafts'
import { checked, field } from '../../../lib/forms'
import { guardApi } from '../../../lib/guard'
import { content } from '../../../lib/state'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'send')
  if (!session) return
  const key = field(req.body, 'key')
  if (!isFormKey(key)) {
    res
      .status(400)
      .setHeader('Content-Type', 'text/plain; charset=utf-8')
      .end('This form is missing its key: reload the Send advice page and fill it in again.')
    return
  }
  const draft = {
    key,
    owner: session.sub,
    channel: field(req.body, 'channel') === 'sms' ? ('sms' as const) : ('email' as const),
    guide: field(req.body, 'guide'),
    area: field(req.body, 'area'),
    lang: field(req.body, 'lang') || DEFAULT_LANGUAGE,
    to: (field(req.body, 'channel') === 'sms' ? field(req.body, 'mobile') : field(req.body, 'to')).trim(),
    neutral: checked(req.body, 'neutral'),
    attachLeaflet: checked(req.body, 'attachLeaflet'),
    createdAt: Date.now(),
  }
  let error: string | undefined
  try {
    const c = await content()
    const base = { guide: draft.guide, to: draft.to, area: draft.area || undefined, lang: draft.lang, neutral: draft.neutral, origin: 'api' as const }
    if (draft.channel === 'sms') validateSmsRequest(base, c)
    else validateRequest({ ...base, attachLeaflet: draft.attachLeaflet }, c)
  } catch (e) {
    // The channel's own request error names the field (to, guide, area) in plain words.
    if (!(e instanceof Error)) throw e
    error = (draft.channel === 'sms' ? e.message.replace(/^to: /, 'Mobile number: ') : e.message).replace(/^lang: /, 'Language: ')
  }
  saveDraft({ ...draft, error })
  res.redirect(303, error ? `/send?draft=${key}` : `/send/preview?draft=${key}`)
}
