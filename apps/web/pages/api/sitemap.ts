// /sitemap.xml (rewritten here): every public page, with absolute addresses from SIGNPOST_SITE_URL.
import type { NextApiRequest, NextApiResponse } from 'next'
import { getContent } from '../../lib/content'
import { pageDependencies } from '../../lib/pageTags'
import { paths } from '../../lib/paths'
import { applyHeaders } from '../../lib/securityHeaders'
import { absoluteUrl, siteArea } from '../../lib/site'

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

export default async function sitemap(_req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  const content = await getContent()
  const pages = pageDependencies(content, siteArea(content))
    .map((p) => p.path)
    .filter((p) => !p.endsWith('/email-sent'))
  const urls = [...pages, paths.search()]
  res.setHeader('Content-Type', 'application/xml; charset=utf-8')
  res
    .status(200)
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
        .map((p) => `  <url><loc>${escapeXml(absoluteUrl(p))}</loc></url>`)
        .join('\n')}\n</urlset>\n`,
    )
}
