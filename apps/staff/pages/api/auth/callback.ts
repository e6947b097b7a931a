// GET /api/auth/callback: the identity provider's redirect back; checks state, PKCE and nonce, then starts a session.
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { applyHeaders } from '../../../lib/guard'
import { finishSignIn, oidcSettings } from '../../../lib/oidc'
import { startSession } from '../../../lib/session'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  const settings = oidcSettings()
  const fail = (status: number, why: string) => {
    audit({ actor: 'anonymous', actorName: 'not signed in', roles: [], action: 'sign-in', outcome: 'refused', detail: why })
    res.status(status).setHeader('Content-Type', 'text/plain; charset=utf-8').end(why)
  }
  if (!settings) return fail(404, 'No identity provider is configured (STAFF_OIDC_ISSUER).')
  try {
    const who = await finishSignIn(req, res, settings)
    if (who.roles.length === 0) {
      audit({
        actor: who.sub,
        actorName: who.name,
        roles: [],
        action: 'sign-in',
        outcome: 'refused',
        detail: `no Signpost role in the ${process.env.STAFF_ROLE_CLAIM || 'roles'} claim`,
      })
      res
        .status(403)
        .setHeader('Content-Type', 'text/plain; charset=utf-8')
        .end('Your account has no Signpost role (caseworker, front desk or supervisor). Ask your administrator to assign one.')
      return
    }
    startSession(req, res, who)
    audit({ actor: who.sub, actorName: who.name, roles: who.roles, action: 'sign-in', outcome: 'ok', detail: 'signed in with the identity provider' })
    res.redirect(303, '/')
  } catch (e) {
    fail(400, `Sign-in failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
