// The checks in front of every console route: a session (else sign-in or 401), the role (else 403, logged), and for
// every state-changing request the same-origin and CSRF-token checks (else 403, logged).
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GetServerSidePropsContext, GetServerSidePropsResult, NextApiRequest, NextApiResponse } from 'next'
import { audit } from './audit'
import { may, type Permission } from './roles'
import { readSession, type Session } from './session'
import { consoleHeaders } from './securityHeaders'

export type PageUser = { name: string; roles: string[]; csrf: string }

export function applyHeaders(res: ServerResponse): void {
  for (const h of consoleHeaders()) res.setHeader(h.key, h.value)
}

function refuse(req: IncomingMessage, session: Session | undefined, why: string): void {
  audit({
    actor: session?.sub ?? 'anonymous',
    actorName: session?.name ?? 'not signed in',
    roles: session?.roles ?? [],
    action: `${req.method} ${(req.url ?? '').split('?')[0]}`,
    outcome: 'refused',
    detail: why,
  })
}

/**
 * Whether a state-changing request came from this console's own pages. Browsers say so in Sec-Fetch-Site; under
 * Referrer-Policy: no-referrer Chromium sends "Origin: null" on form posts, so Origin is checked only when it names one.
 * The CSRF token is checked as well, always.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = req.headers.origin
  if (origin === undefined || origin === 'null') return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

function tokenMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  applyHeaders(res)
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end(text)
}

/**
 * For API routes. Returns the session, or answers (401/403/405) and returns undefined. POSTs need the form's csrf field
 * and, when the browser sends one, an Origin of this console.
 */
export function guardApi(req: NextApiRequest, res: NextApiResponse, permission: Permission | 'any', methods: string[] = ['POST']): Session | undefined {
  applyHeaders(res)
  const session = readSession(req)
  if (!session) {
    refuse(req, undefined, 'no session (401)')
    sendText(res, 401, 'Sign in first: this console needs a staff account.')
    return undefined
  }
  if (!methods.includes(req.method ?? '')) {
    res.setHeader('Allow', methods.join(', '))
    sendText(res, 405, `Use ${methods.join(' or ')} here.`)
    return undefined
  }
  if (req.method === 'POST') {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (!sameOrigin(req) || !tokenMatches(body.csrf, session.csrf)) {
      refuse(req, session, `cross-site or stale form (origin ${req.headers.origin ?? 'none'}, sec-fetch-site ${req.headers['sec-fetch-site'] ?? 'none'})`)
      sendText(res, 403, 'This form did not come from this console (or it is out of date). Go back, reload the page and try again.')
      return undefined
    }
  }
  if (permission !== 'any' && !may(session.roles, permission)) {
    refuse(req, session, `needs the ${permission} permission; has roles: ${session.roles.join(', ') || 'none'}`)
    sendText(res, 403, `Your role (${session.roles.join(', ') || 'none'}) does not allow this.`)
    return undefined
  }
  return session
}

export type Guarded = { session: Session; user: PageUser }

/** For pages: the session and what the layout shows, or a redirect to sign-in / a 403 page result. */
export function guardPage(
  ctx: GetServerSidePropsContext,
  permission: Permission | 'any',
): { ok: true; session: Session; user: PageUser } | { ok: false; result: GetServerSidePropsResult<never> } {
  applyHeaders(ctx.res)
  const session = readSession(ctx.req)
  if (!session) {
    const next = encodeURIComponent(ctx.resolvedUrl)
    return { ok: false, result: { redirect: { destination: `/signin?next=${next}`, permanent: false } } }
  }
  if (permission !== 'any' && !may(session.roles, permission)) {
    refuse(ctx.req, session, `page needs the ${permission} permission; has roles: ${session.roles.join(', ') || 'none'}`)
    ctx.res.statusCode = 403
    const user: PageUser = { name: session.name, roles: session.roles, csrf: session.csrf }
    return { ok: false, result: { props: { user, forbidden: true } as never } }
  }
  return { ok: true, session, user: { name: session.name, roles: session.roles, csrf: session.csrf } }
}
