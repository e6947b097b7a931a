// GET /api/health (from this computer only): checks the console's configuration with the same code the routes use
// (session secret, identity provider settings, role mapping, DATABASE_URL for the audit log), so server.mjs can refuse to start with a plain message
// naming the variable instead of failing on the first sign-in.
import type { NextApiRequest, NextApiResponse } from 'next'
import { applyHeaders } from '../../lib/guard'
import { oidcSettings } from '../../lib/oidc'
import { localRoles } from '../../lib/oneTimeLink'
import { roleMap } from '../../lib/roles'
import { isLoopback } from '../../lib/session'
import { sessionKey } from '../../lib/state'
import { auditStore } from '../../lib/audit'

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  if (!isLoopback(req)) {
    res.status(404).end()
    return
  }
  const problems: string[] = []
  for (const check of [sessionKey, oidcSettings, roleMap, localRoles, auditStore]) {
    try {
      check()
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e))
    }
  }
  res.status(problems.length ? 500 : 200).json({ ok: problems.length === 0, problems })
}
