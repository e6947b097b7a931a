// GET /api/auth/once?token=…: the one-time sign-in link printed at start (no identity provider configured).
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { applyHeaders } from '../../../lib/guard'
import { oidcSettings } from '../../../lib/oidc'
import { localRoles, redeemOneTimeLink } from '../../../lib/oneTimeLink'
import { startSession } from '../../../lib/session'

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  const token = typeof req.query.token === 'string' ? req.query.token : ''
  const result = oidcSettings()
    ? { ok: false as const, why: 'Sign in with your organisation account: one-time links are off when STAFF_OIDC_ISSUER is set.' }
    : redeemOneTimeLink(req, token)
  if (!result.ok) {
    audit({ actor: 'anonymous', actorName: 'not signed in', roles: [], action: 'sign-in (one-time link)', outcome: 'refused', detail: result.why })
    res.status(403).setHeader('Content-Type', 'text/plain; charset=utf-8').end(result.why)
    return
  }
  const who = { sub: 'local:one-time-link', name: 'Local sign-in (one-time link)', roles: localRoles() }
  startSession(req, res, who)
  audit({ actor: who.sub, actorName: who.name, roles: who.roles, action: 'sign-in (one-time link)', outcome: 'ok', detail: 'signed in' })
  res.redirect(303, '/')
}
