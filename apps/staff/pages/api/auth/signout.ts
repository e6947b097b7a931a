// POST /api/auth/signout: ends the session (the server forgets it, the cookie is cleared).
import type { NextApiRequest, NextApiResponse } from 'next'
import { audit } from '../../../lib/audit'
import { guardApi } from '../../../lib/guard'
import { endSession } from '../../../lib/session'

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = guardApi(req, res, 'any')
  if (!session) return
  endSession(req, res, session)
  audit({ actor: session.sub, actorName: session.name, roles: session.roles, action: 'sign-out', outcome: 'ok', detail: 'signed out' })
  res.redirect(303, '/signin?signedOut=1')
}
