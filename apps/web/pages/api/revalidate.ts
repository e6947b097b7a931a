// POST /api/revalidate: Sanity's webhook. Checks the signature (SANITY_REVALIDATE_SECRET) over the raw body,
// turns the changed document into tags (type, type:id) and regenerates every page that depends on them.
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import type { NextApiRequest, NextApiResponse, PageConfig } from 'next'
import { allowMethods } from '../../lib/apiRequest'
import { getContent } from '../../lib/content'
import { pageDependencies, pathsForTags, tagsForDocument, type PageDependency } from '../../lib/pageTags'
import { readRawBody } from '../../lib/rawBody'
import { applyHeaders } from '../../lib/securityHeaders'
import { siteArea } from '../../lib/site'

export const config: PageConfig = { api: { bodyParser: false } }

/** The pages as they were at the last revalidation, so a deleted or renamed document's old page is refreshed too. */
let previousPages: PageDependency[] = []

export default async function revalidate(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Cache-Control', 'no-store')
  if (!allowMethods(req, res, ['POST'])) return
  const secret = process.env.SANITY_REVALIDATE_SECRET
  if (!secret) return res.status(500).json({ error: 'SANITY_REVALIDATE_SECRET is not set on the server.' })

  const body = await readRawBody(req)
  const header = req.headers[SIGNATURE_HEADER_NAME]
  const signature = Array.isArray(header) ? header[0] : header
  if (!signature) return res.status(401).json({ error: `Missing ${SIGNATURE_HEADER_NAME} header.` })
  const valid = await isValidSignature(body, signature, secret).catch(() => false)
  if (!valid) return res.status(401).json({ error: 'Invalid signature.' })

  let doc: unknown
  try {
    doc = JSON.parse(body)
  } catch {
    return res.status(400).json({ error: 'The body is not JSON.' })
  }
  const { _type, _id } = (doc ?? {}) as { _type?: unknown; _id?: unknown }
  if (typeof _type !== 'string' || !_type || typeof _id !== 'string' || !_id) {
    return res.status(400).json({ error: 'The body needs the changed document\'s _type and _id (set the webhook projection to {_type, _id}).' })
  }

  const tags = tagsForDocument({ _type, _id })
  const content = await getContent()
  const pages = pageDependencies(content, siteArea(content))
  const paths = pathsForTags([...pages, ...previousPages], tags)
  previousPages = pages
  const failed: { path: string; error: string }[] = []
  for (const path of paths) {
    await res.revalidate(path).catch((e: unknown) => failed.push({ path, error: (e as Error).message }))
  }
  console.error(`Signpost: revalidated ${paths.length - failed.length} page(s) for ${tags.join(', ')}`)
  res.status(failed.length ? 500 : 200).json({ revalidated: failed.length === 0, tags, paths, ...(failed.length ? { failed } : {}) })
}
