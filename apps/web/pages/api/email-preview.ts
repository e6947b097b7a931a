// /guides/<slug>/email-preview and .../email-preview.txt (rewritten here): the advice email exactly as
// @signpost/email renders it, for the Studio's email view beside each guide.
import type { NextApiRequest, NextApiResponse } from 'next'
import { allowMethods, queryValue } from '../../lib/apiRequest'
import { loadEmail } from '../../lib/external'
import { loadGuideView } from '../../lib/guidePage'
import { applyHeaders, contentSecurityPolicy, framableHeaders, studioOrigin } from '../../lib/securityHeaders'

export default async function emailPreview(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res, framableHeaders())
  res.removeHeader('X-Frame-Options')
  if (!allowMethods(req, res, ['GET', 'HEAD'])) return
  // ?lang=ur: the translation's email, for the Studio's email view of a translated guide.
  const view = await loadGuideView(queryValue(req, 'slug') ?? '', req.draftMode, queryValue(req, 'lang') || undefined)
  if (!view) return res.status(404).json({ error: 'No such guide in that language.' })
  const { renderAdviceEmail } = await loadEmail()
  const email = renderAdviceEmail(view, { neutral: queryValue(req, 'neutral') === '1' })
  res.setHeader('Cache-Control', 'private, no-store')
  if (queryValue(req, 'format') === 'text') {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    return res.status(200).send(email.text)
  }
  // The email carries its styles inline (as email must); only this preview may apply them.
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ frameAncestors: `'self' ${studioOrigin()}`, inlineStyles: true }))
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.status(200).send(email.html)
}
