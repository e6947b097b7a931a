// /robots.txt (rewritten here): everything may be indexed except the API and preview routes; points at the sitemap.
import type { NextApiRequest, NextApiResponse } from 'next'
import { applyHeaders } from '../../lib/securityHeaders'
import { absoluteUrl } from '../../lib/site'

export default function robots(_req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.status(200).send(`User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search?\n\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`)
}
