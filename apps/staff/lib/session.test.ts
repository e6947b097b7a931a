// Sessions against a real SQLite file: idle expiry, sign-out, and cookies that are tampered with.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { beforeAll, expect, test } from 'vitest'

process.env.STAFF_DB = join(mkdtempSync(join(tmpdir(), 'signpost-staff-session-')), 'staff.sqlite')

const { endSession, readSession, startSession, SESSION_COOKIE } = await import('./session')
const { staffDb } = await import('./state')
const { auditCsv, audit } = await import('./audit')

function fakeReq(cookie = '', host = 'staff.example.org'): IncomingMessage {
  return { headers: { host, cookie, 'x-signpost-direct': '1' }, socket: { remoteAddress: '10.0.0.5' } } as unknown as IncomingMessage
}
function fakeRes(): ServerResponse & { cookies: () => string[] } {
  const headers = new Map<string, unknown>()
  return {
    getHeader: (k: string) => headers.get(k.toLowerCase()),
    setHeader: (k: string, v: unknown) => headers.set(k.toLowerCase(), v),
    cookies: () => (headers.get('set-cookie') as string[] | undefined) ?? [],
  } as unknown as ServerResponse & { cookies: () => string[] }
}
function signIn(): string {
  const res = fakeRes()
  startSession(fakeReq(), res, { sub: 'casey', name: 'Casey', roles: ['caseworker'] })
  const cookie = res.cookies()[0] ?? ''
  expect(cookie).toMatch(/HttpOnly; SameSite=Lax; Secure/)
  return cookie.split(';')[0] ?? ''
}

beforeAll(() => staffDb())

test('a session unused for 8 hours is gone; one used 7 hours ago is not', () => {
  const cookie = signIn()
  expect(readSession(fakeReq(cookie))?.sub).toBe('casey')
  staffDb()
    .prepare('UPDATE sessions SET last_seen = ?')
    .run(Date.now() - 7 * 3600_000)
  expect(readSession(fakeReq(cookie))?.roles).toEqual(['caseworker'])
  staffDb()
    .prepare('UPDATE sessions SET last_seen = ?')
    .run(Date.now() - 8 * 3600_000 - 1000)
  expect(readSession(fakeReq(cookie))).toBeUndefined()
})

test('signing out deletes the session on the server; a cookie with a changed id or signature is nobody', () => {
  const cookie = signIn()
  const session = readSession(fakeReq(cookie))
  expect(session).toBeDefined()
  const [, value = ''] = cookie.split('=')
  const decoded = decodeURIComponent(value)
  expect(readSession(fakeReq(`${SESSION_COOKIE}=${encodeURIComponent(`x${decoded}`)}`))).toBeUndefined()
  expect(readSession(fakeReq(`${SESSION_COOKIE}=${encodeURIComponent(`${decoded.slice(0, -2)}AA`)}`))).toBeUndefined()
  if (session) endSession(fakeReq(cookie), fakeRes(), session)
  expect(readSession(fakeReq(cookie))).toBeUndefined()
})

test('the audit CSV quotes commas and line breaks, and defuses cells a spreadsheet would run as formulas', async () => {
  audit({
    actor: 'x',
    actorName: '=HYPERLINK("http://evil")',
    roles: ['caseworker'],
    action: 'send',
    outcome: 'ok',
    detail: 'a, b\nc',
    address: 'j***@example.com',
  })
  const lines = (await auditCsv()).split('\r\n')
  expect(lines[0]).toBe('id,at,actor,actor_name,roles,action,outcome,detail,address')
  expect(await auditCsv()).toContain(`,"'=HYPERLINK(""http://evil"")",caseworker,send,ok,"a, b\nc",j***@example.com`)
})
