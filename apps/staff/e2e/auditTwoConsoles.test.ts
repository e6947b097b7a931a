// Two built console instances on one real PostgreSQL (DATABASE_URL, pgtest), as behind a load balancer: what happens
// on the first — a sign-in, a refused cross-site form — is in the audit log a supervisor exports from the second, in
// order, and nothing of it is in either instance's own SQLite file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort, oneTimeLinkIn, startConsole, type RunningConsole } from './support/processes'

let tmp: string
let postgres: TestPostgres
let first: RunningConsole
let second: RunningConsole

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'signpost-staff-audit-pg-'))
  postgres = await startPostgres()
  const env = (name: string) => ({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${postgres.port}/postgres`,
    STAFF_DB: join(tmp, `${name}.sqlite`),
    EMAIL_DB: join(tmp, `${name}-outbox-not-used.sqlite`),
    STAFF_OIDC_ISSUER: '',
    SANITY_PROJECT_ID: '',
    SIGNPOST_SITE_URL: 'https://signpost.example',
  })
  ;[first, second] = await Promise.all([startConsole(await freePort(), env('first')), startConsole(await freePort(), env('second'))])
})

afterAll(async () => {
  await first?.stop()
  await second?.stop()
  await postgres?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

/** Follows the console's printed one-time link from this computer and returns the session cookie. */
async function signIn(staff: RunningConsole): Promise<string> {
  const res = await fetch(oneTimeLinkIn(staff.output()), { redirect: 'manual' })
  expect(res.status).toBe(303)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('signpost_staff='))
  if (!cookie) throw new Error(`no session cookie from ${staff.origin}`)
  return cookie.split(';')[0] as string
}

test('a supervisor on the second console exports what happened on the first', async () => {
  const onFirst = await signIn(first)
  const refused = await fetch(`${first.origin}/api/send/send`, {
    method: 'POST',
    headers: { cookie: onFirst, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    body: 'csrf=forged&draft=x',
  })
  expect(refused.status).toBe(403)

  const onSecond = await signIn(second)
  // The first console writes its entries a moment after answering: give it that moment.
  let csv = ''
  for (let i = 0; i < 50 && !csv.includes('cross-site or stale form'); i++) {
    const res = await fetch(`${second.origin}/api/audit.csv`, { headers: { cookie: onSecond } })
    expect(res.status).toBe(200)
    csv = await res.text()
    if (!csv.includes('cross-site or stale form')) await new Promise((r) => setTimeout(r, 100))
  }
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('id,at,actor,actor_name,roles,action,outcome,detail,address')
  const actions = lines.slice(1).map((l) => l.split(',').slice(5, 7).join(' '))
  expect(actions).toEqual(['sign-in (one-time link) ok', 'POST /api/send/send refused', 'sign-in (one-time link) ok'])
  expect(csv).toContain('cross-site or stale form (origin https://evil.example')

  for (const name of ['first', 'second']) {
    const db = new Database(join(tmp, `${name}.sqlite`), { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM audit').get(), `${name}'s own file`).toEqual({ n: 0 })
    db.close()
  }
})

test('a DATABASE_URL that is not a postgres:// URL stops the console at start, naming the variable', async () => {
  await expect(
    startConsole(await freePort(), {
      DATABASE_URL: 'mysql://db.example/signpost',
      STAFF_DB: join(tmp, 'third.sqlite'),
      STAFF_OIDC_ISSUER: '',
      SANITY_PROJECT_ID: '',
    }),
  ).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL[\s\S]*not started/)
})
