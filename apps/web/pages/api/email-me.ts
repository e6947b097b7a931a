// POST /api/email-me: the guide page's "email me this advice" form (no JavaScript needed). Always answers
// 303 to a page; the address never appears in any URL. The form's hidden lang field (the page's language) chooses the
// language of the email and of the page the reader goes back to; a form with none is English, as before languages.
import { DEFAULT_LANGUAGE, guidesForArea, isSupportedLanguage } from '@signpost/content'
import type { NextApiRequest, NextApiResponse } from 'next'
import { allowMethods, clientAddress } from '../../lib/apiRequest'
import { getContent } from '../../lib/content'
import { handleEmailMe } from '../../lib/emailMe'
import { paths } from '../../lib/paths'
import { applyHeaders } from '../../lib/securityHeaders'
import { siteArea } from '../../lib/site'

const field = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  return typeof v === 'string' ? v : ''
}

export default async function emailMe(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Cache-Control', 'no-store')
  if (!allowMethods(req, res, ['POST'])) return
  const content = await getContent()
  const area = siteArea(content)
  const guide = field(req.body, 'guide')
  const lang = field(req.body, 'lang') || DEFAULT_LANGUAGE
  // A language or guide no page of this site offers (a tampered or stale form): back to the home page, nothing queued.
  if (!isSupportedLanguage(lang) || !guidesForArea(content, area, lang).some((g) => g.slug === guide)) {
    res.setHeader('Location', paths.home(isSupportedLanguage(lang) ? lang : undefined))
    return res.status(303).end()
  }
  const location = await handleEmailMe({ guide, lang, to: field(req.body, 'email'), honeypot: field(req.body, 'website'), client: clientAddress(req), area })
  res.setHeader('Location', location)
  res.status(303).end()
}
