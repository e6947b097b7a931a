// GET /api/draft-mode/enable: enters draft mode (pages then read drafts.* documents). With Sanity configured the
// Studio's signed preview secret is checked by @sanity/preview-url-secret, the check next-sanity's
// defineEnableDraftMode makes (that helper is App Router only, and an app/ directory would put the App Router's
// JavaScript on this site's 404 page). With the embedded dataset: ?secret=SIGNPOST_PREVIEW_SECRET&redirect=/path.
import { createClient } from '@sanity/client'
import { DEFAULT_API_VERSION } from '@signpost/content'
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import type { NextApiRequest, NextApiResponse } from 'next'
import { allowMethods, queryValue } from '../../../lib/apiRequest'
import { previewSecretMatches, safeRedirectPath } from '../../../lib/draftMode'
import { applyHeaders } from '../../../lib/securityHeaders'
import { absoluteUrl } from '../../../lib/site'

async function sanityAllows(req: NextApiRequest): Promise<{ ok: boolean; redirect: string }> {
  const client = createClient({
    projectId: process.env.SANITY_PROJECT_ID,
    dataset: process.env.SANITY_DATASET || 'production',
    apiVersion: process.env.SANITY_API_VERSION || DEFAULT_API_VERSION,
    useCdn: false,
    token: process.env.SANITY_API_READ_TOKEN,
  })
  const { isValid, redirectTo } = await validatePreviewUrl(client, absoluteUrl(req.url ?? '/'))
  return { ok: isValid, redirect: safeRedirectPath(redirectTo) }
}

export default async function enable(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Cache-Control', 'no-store')
  if (!allowMethods(req, res, ['GET'])) return
  const check = process.env.SANITY_PROJECT_ID
    ? await sanityAllows(req)
    : { ok: previewSecretMatches(queryValue(req, 'secret')), redirect: safeRedirectPath(queryValue(req, 'redirect')) }
  if (!check.ok) {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    return res.status(401).send('Wrong or missing preview secret.\n')
  }
  res.setDraftMode({ enable: true })
  res.redirect(307, check.redirect)
}
