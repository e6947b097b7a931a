// GET /api/auth/login: sends the browser to the organisation's identity provider (OpenID Connect, PKCE + state).
import type { NextApiRequest, NextApiResponse } from 'next'
import { applyHeaders } from '../../../lib/guard'
import { beginSignIn, oidcSettings } from '../../../lib/oidc'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  const settings = oidcSettings()
  if (!settings) {
    res
      .status(404)
      .setHeader('Content-Type', 'text/plain; charset=utf-8')
      .end('No identity provider is configured (STAFF_OIDC_ISSUER): use the one-time link the console printed when it started.')
    return
  }
  try {
    const url = await beginSignIn(req, res, settings)
    res.redirect(303, url.href)
  } catch (e) {
    res
      .status(502)
      .setHeader('Content-Type', 'text/plain; charset=utf-8')
      .end(e instanceof Error ? e.message : String(e))
  }
}
