// Sign-in with the organisation's identity provider over OpenID Connect (openid-client): authorization code flow with
// PKCE (S256), state and nonce, the transaction kept server-side and bound to the browser by a signed cookie.
// Configured by STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID, STAFF_OIDC_CLIENT_SECRET.
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as client from 'openid-client'
import { rolesFromClaims, type Role } from './roles'
import { appendCookie, cookieHeader, cookies, signed, unsign, SIGN_IN_COOKIE } from './session'
import { staffDb } from './state'

export type OidcSettings = { issuer: URL; clientId: string; clientSecret: string }

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.STAFF_OIDC_ISSUER?.trim()
  if (!issuer) return undefined
  const clientId = env.STAFF_OIDC_CLIENT_ID?.trim()
  const clientSecret = env.STAFF_OIDC_CLIENT_SECRET?.trim()
  if (!clientId || !clientSecret) throw new Error('STAFF_OIDC_ISSUER is set, so STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set too.')
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    throw new Error(`STAFF_OIDC_ISSUER is not an address: ${JSON.stringify(issuer)}.`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !loopback) throw new Error(`STAFF_OIDC_ISSUER must be https (only a provider on this computer may use http): ${issuer}.`)
  return { issuer: url, clientId, clientSecret }
}

const g = globalThis as typeof globalThis & { __signpostStaffOidc?: Promise<client.Configuration> }

export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  g.__signpostStaffOidc ??= client
    .discovery(
      settings.issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      settings.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
    )
    .catch((e: unknown) => {
      g.__signpostStaffOidc = undefined
      throw new Error(`Could not read the identity provider's configuration at ${settings.issuer.href}: ${e instanceof Error ? e.message : String(e)}`)
    })
  return g.__signpostStaffOidc
}

export function origin(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' || (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'
  return `${proto}://${req.headers.host ?? 'localhost'}`
}

export function callbackUrl(req: IncomingMessage): string {
  return process.env.STAFF_OIDC_REDIRECT_URI || `${origin(req)}/api/auth/callback`
}

const digest = (s: string): string => createHash('sha256').update(s).digest('hex')
const TEN_MINUTES = 10 * 60 * 1000

/** Starts a sign-in: stores state, PKCE verifier and nonce, and returns the provider's authorization URL. */
export async function beginSignIn(req: IncomingMessage, res: ServerResponse, settings: OidcSettings): Promise<URL> {
  const config = await oidcConfiguration(settings)
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const browser = randomBytes(32).toString('base64url')
  const db = staffDb()
  db.prepare('DELETE FROM sign_ins WHERE created_at < ?').run(Date.now() - TEN_MINUTES)
  db.prepare('INSERT INTO sign_ins (state, verifier, nonce, browser_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
    state,
    verifier,
    nonce,
    digest(browser),
    Date.now(),
  )
  appendCookie(res, cookieHeader(req, SIGN_IN_COOKIE, signed(browser), { maxAgeSeconds: 600 }))
  return client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(req),
    scope: process.env.STAFF_OIDC_SCOPE || 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
}

export type SignedIn = { sub: string; name: string; roles: Role[] }

/** Finishes a sign-in from the provider's redirect: checks state (bound to this browser), PKCE and nonce. */
export async function finishSignIn(req: IncomingMessage, res: ServerResponse, settings: OidcSettings): Promise<SignedIn> {
  const config = await oidcConfiguration(settings)
  const current = new URL(req.url ?? '/', callbackUrl(req))
  const state = current.searchParams.get('state') ?? ''
  const db = staffDb()
  const row = db.prepare('SELECT * FROM sign_ins WHERE state = ?').get(state) as
    { verifier: string; nonce: string; browser_hash: string; created_at: number } | undefined
  db.prepare('DELETE FROM sign_ins WHERE state = ?').run(state)
  appendCookie(res, cookieHeader(req, SIGN_IN_COOKIE, '', { maxAgeSeconds: 0 }))
  const browser = unsign(cookies(req).get(SIGN_IN_COOKIE))
  if (!row || !browser || digest(browser) !== row.browser_hash || Date.now() - row.created_at > TEN_MINUTES) {
    throw new Error('This sign-in was not started in this browser, or took longer than 10 minutes. Start again.')
  }
  const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: row.verifier, expectedState: state, expectedNonce: row.nonce })
  let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) }
  const sub = String(claims.sub ?? '')
  const claimName = process.env.STAFF_ROLE_CLAIM || 'roles'
  if (!(claimName.split('.')[0]! in claims) && config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(config, tokens.access_token, sub)
    claims = { ...claims, ...info }
  }
  const name = String(claims.name ?? claims.preferred_username ?? claims.email ?? sub)
  return { sub, name, roles: rolesFromClaims(claims) }
}

/**
 * Where to send the browser after the console's own sign-out, so the identity provider's session ends too (on a shared
 * front-desk computer the next person would otherwise be signed straight back in as the last one). Undefined when the
 * provider has no end_session_endpoint. The return address, <origin>/signed-out, must be registered with the provider.
 */
export async function endSessionUrl(req: IncomingMessage, settings: OidcSettings): Promise<string | undefined> {
  const config = await oidcConfiguration(settings)
  if (!config.serverMetadata().end_session_endpoint) return undefined
  return client.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: `${origin(req)}/signed-out` }).href
}
