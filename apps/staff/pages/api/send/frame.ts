// GET /api/send/frame?draft=…: the email's HTML for the preview frame (its inline styles allowed, no scripts, sandboxed).
import type { NextApiRequest, NextApiResponse } from 'next'
import { draftFor } from '../../../lib/drafts'
import { guardApi } from '../../../lib/guard'
import { renderDraft } from '../../../lib/render'
import { previewFrameHeaders } from '../../../lib/securityHeaders'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'send', ['GET'])
  if (!session) return
  const draft = draftFor(req.query.draft, session.sub)
  if (!draft) {
    res.status(404).setHeader('Content-Type', 'text/plain; charset=utf-8').end('There is no such draft: fill in the Send advice form again.')
    return
  }
  const rendered = await renderDraft(draft)
  for (const h of previewFrameHeaders()) res.setHeader(h.key, h.value)
  res.status(200).setHeader('Content-Type', 'text/html; charset=utf-8').end(rendered.html)
}
