// With no identity provider configured, the console opens to nobody except through a one-time sign-in link that the
// server prints when it starts (server.mjs): valid once, for 15 minutes, and only from this computer (loopback).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isRole, ROLES, type Role } from './roles'
import { isLoopback } from './session'
import { state } from './state'

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** The roles a one-time sign-in gets: STAFF_LOCAL_ROLES (space or comma separated), by default all three. */
export function localRoles(env: NodeJS.ProcessEnv = process.env): Role[] {
  const text = env.STAFF_LOCAL_ROLES?.trim()
  if (!text) return [...ROLES]
  const roles = text.split(/[\s,]+/)
  const bad = roles.filter((r) => !isRole(r))
  if (bad.length) throw new Error(`STAFF_LOCAL_ROLES: ${bad.join(', ')} is not a role (roles are ${ROLES.join(', ')}).`)
  return roles.filter(isRole)
}

/** Uses the link up, or says in plain words why not. */
export function redeemOneTimeLink(req: IncomingMessage, token: string): { ok: true } | { ok: false; why: string } {
  const link = state().oneTimeLink
  if (!isLoopback(req)) return { ok: false, why: 'The one-time sign-in link works only in a browser on the computer running the console.' }
  if (!link) return { ok: false, why: 'There is no one-time sign-in link: restart the console to get one (or configure STAFF_OIDC_ISSUER).' }
  const given = digest(token)
  const expected = Buffer.from(link.tokenHash, 'hex')
  if (!timingSafeEqual(given, expected)) return { ok: false, why: 'This is not the sign-in link the console printed.' }
  if (link.used) return { ok: false, why: 'This one-time sign-in link has been used already. Restart the console to get a new one.' }
  if (Date.now() > link.expiresAt)
    return { ok: false, why: 'This one-time sign-in link has expired (links last 15 minutes). Restart the console to get a new one.' }
  link.used = true
  return { ok: true }
}
