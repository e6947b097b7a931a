// /sitemap.xml (rewritten here): every public page in every language, with absolute addresses from
// SIGNPOST_SITE_URL; a page in several languages lists each of them (and x-default, the English one) as an
// xhtml:link hreflang alternate, as Google's sitemap format for localised pages describes.
import { DEFAULT_LANGUAGE, getLanguage } from '@signpost/content'
import type { NextApiRequest, NextApiResponse } from 'next'
import { getContent } from '../../lib/content'
import { pageDependencies, type PageDependency } from '../../lib/pageTags'
import { paths } from '../../lib/paths'
import { applyHeaders } from '../../lib/securityHeaders'
import { absoluteUrl, siteArea } from '../../lib/site'

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

function entry(page: Pick<PageDependency, 'path' | 'alternates'>): string {
  const links = (page.alternates ?? []).map((a) => ({ hreflang: a.hreflang, href: absoluteUrl(a.path) }))
  const fallback = page.alternates?.find((a) => a.hreflang === getLanguage(DEFAULT_LANGUAGE).tag)
  if (fallback) links.push({ hreflang: 'x-default', href: absoluteUrl(fallback.path) })
  const alternates = links.map((l) => `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(l.hreflang)}" href="${escapeXml(l.href)}"/>`).join('')
  return `  <url><loc>${escapeXml(absoluteUrl(page.path))}</loc>${alternates}${alternates ? '\n  ' : ''}</url>`
}

export default async function sitemap(_req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  const content = await getContent()
  const pages = pageDependencies(content, siteArea(content)).filter((p) => !p.path.endsWith('/email-sent'))
  const entries = [...pages, { path: paths.search() }]
  res.setHeader('Content-Type', 'application/xml; charset=utf-8')
  res
    .status(200)
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries
        .map(entry)
        .join('\n')}\n</urlset>\n`,
    )
}
