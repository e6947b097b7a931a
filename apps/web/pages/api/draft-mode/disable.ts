// GET /api/draft-mode/disable: leaves draft mode and returns to the page (or the home page).
import type { NextApiRequest, NextApiResponse } from 'next'
import { queryValue } from '../../../lib/apiRequest'
import { safeRedirectPath } from '../../../lib/draftMode'
import { applyHeaders } from '../../../lib/securityHeaders'

export default function disable(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Cache-Control', 'no-store')
  res.setDraftMode({ enable: false })
  res.redirect(307, safeRedirectPath(queryValue(req, 'redirect')))
}
