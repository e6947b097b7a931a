// Staff sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure except on loopback), signed with the session
// key; the server keeps only a digest of the id, with the person, their roles, a CSRF token and when they were last seen.
// A session unused for STAFF_SESSION_IDLE_HOURS (default 8) is gone; signing out deletes it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isRole, type Role } from './roles'
import { sessionKey, staffDb } from './state'

export const SESSION_COOKIE = 'signpost_staff'
export const SIGN_IN_COOKIE = 'signpost_staff_signin'

export type Session = { idHash: string; sub: string; name: string; roles: Role[]; csrf: string }

const digest = (s: string): string => createHash('sha256').update(s).digest('hex')
const sign = (value: string): string => createHmac('sha256', sessionKey()).update(value).digest('base64url')

export function idleMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.STAFF_SESSION_IDLE_HOURS || 8)
  return (Number.isFinite(hours) && hours > 0 ? hours : 8) * 60 * 60 * 1000
}

/**
 * Loopback only when the Host the browser used and the connection are both local and no proxy forwarded the request
 * (server.mjs marks direct requests): the one case a cookie may lack Secure and the one-time link may be used.
 */
export function isLoopback(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
  const remote = req.socket.remoteAddress ?? ''
  const localHost = host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
  const localPeer = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1'
  return localHost && localPeer && req.headers['x-signpost-direct'] === '1'
}

export function cookies(req: IncomingMessage): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i > 0) map.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()))
  }
  return map
}

export function cookieHeader(req: IncomingMessage, name: string, value: string, options: { maxAgeSeconds?: number } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']
  if (!isLoopback(req)) parts.push('Secure')
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  return parts.join('; ')
}

export function appendCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('Set-Cookie')
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : []
  res.setHeader('Set-Cookie', [...list, cookie])
}

/** Signed "value.signature", verified in constant time; undefined if the signature does not match. */
export function signed(value: string): string {
  return `${value}.${sign(value)}`
}
export function unsign(token: string | undefined): string | undefined {
  if (!token) return undefined
  const i = token.lastIndexOf('.')
  if (i <= 0) return undefined
  const value = token.slice(0, i)
  const a = Buffer.from(token.slice(i + 1))
  const b = Buffer.from(sign(value))
  return a.length === b.length && timingSafeEqual(a, b) ? value : undefined
}

export function startSession(req: IncomingMessage, res: ServerResponse, who: { sub: string; name: string; roles: Role[] }): void {
  const id = randomBytes(32).toString('base64url')
  const now = Date.now()
  staffDb()
    .prepare('INSERT INTO sessions (id_hash, sub, name, roles, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(digest(id), who.sub, who.name, who.roles.join(' '), randomBytes(32).toString('base64url'), now, now)
  appendCookie(res, cookieHeader(req, SESSION_COOKIE, signed(id)))
}

type Row = { id_hash: string; sub: string; name: string; roles: string; csrf: string; last_seen: number }

export function readSession(req: IncomingMessage): Session | undefined {
  const id = unsign(cookies(req).get(SESSION_COOKIE))
  if (!id) return undefined
  const db = staffDb()
  const row = db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(digest(id)) as Row | undefined
  if (!row) return undefined
  const now = Date.now()
  if (now - row.last_seen > idleMs()) {
    db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(row.id_hash)
    return undefined
  }
  if (now - row.last_seen > 30_000) db.prepare('UPDATE sessions SET last_seen = ? WHERE id_hash = ?').run(now, row.id_hash)
  return { idHash: row.id_hash, sub: row.sub, name: row.name, roles: row.roles.split(' ').filter(isRole), csrf: row.csrf }
}

export function endSession(req: IncomingMessage, res: ServerResponse, session: Session): void {
  staffDb().prepare('DELETE FROM sessions WHERE id_hash = ?').run(session.idHash)
  appendCookie(res, cookieHeader(req, SESSION_COOKIE, '', { maxAgeSeconds: 0 }))
}

export function digestOf(s: string): string {
  return digest(s)
}
