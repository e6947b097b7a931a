// POST /api/auth/signout: ends the session (the server forgets it, the cookie is cleared), then the identity provider's
// session too when it offers RP-initiated logout.
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { guardApi } from '../../../lib/guard'
import { endSessionUrl, oidcSettings } from '../../../lib/oidc'
import { endSession } from '../../../lib/session'

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'any')
  if (!session) return
  endSession(req, res, session)
  audit({ actor: session.sub, actorName: session.name, roles: session.roles, action: 'sign-out', outcome: 'ok', detail: 'signed out' })
  // The provider's sign-out is reached from the signed-out page: a form's redirect to another origin would break the
  // console's CSP form-action 'self'.
  const settings = oidcSettings()
  const providerLogout = settings ? await endSessionUrl(req, settings).catch(() => undefined) : undefined
  res.redirect(303, providerLogout ? '/signed-out?provider=1' : '/signed-out')
}
