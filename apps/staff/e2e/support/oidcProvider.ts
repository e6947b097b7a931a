// A real OpenID Provider on 127.0.0.1 for the browser tests (oidc-provider, a certified implementation), with its own
// login and consent pages: any login name signs in; the name decides the roles claim (see ACCOUNTS).
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import Provider from 'oidc-provider'

export const ACCOUNTS: Record<string, { name: string; roles: string[] }> = {
  casey: { name: 'Casey Caseworker', roles: ['caseworker'] },
  frankie: { name: 'Frankie Frontdesk', roles: ['frontdesk'] },
  sam: { name: 'Sam Supervisor', roles: ['supervisor'] },
  nobody: { name: 'No Role', roles: [] },
  hostile: { name: '<img src=x onerror=alert(1)> رضا علی\r\nInjected: yes', roles: ['caseworker'] },
}

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> }

export async function startOidcProvider(port: number, redirectUri: string, postLogoutRedirectUri: string): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'signpost-staff-test'
  const clientSecret = 'test-client-secret-that-is-long-enough-for-hs256'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], roles: ['roles'] },
    scopes: ['openid', 'profile', 'roles'],
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id] ?? { name: id, roles: [] }
      return { accountId: id, claims: async () => ({ sub: id, name: account.name, roles: account.roles }) }
    },
  })
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s))
  })
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export { type AddressInfo }
