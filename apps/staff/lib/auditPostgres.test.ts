// The audit log in a real PostgreSQL (pgtest) when DATABASE_URL is set: what one console instance writes, a supervisor
// on another instance reads and exports; consoles starting together migrate once; entries taken while the database is
// unreachable arrive once it is back; a wrong DATABASE_URL or a newer schema is refused in plain words.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { postgresAuditStore } from './auditPostgres'
import { auditStoreFromEnv } from './auditStore'

let server: TestPostgres
let url: string
beforeAll(async () => {
  server = await startPostgres()
  url = await server.createDatabase('staff_audit_test')
  process.env.DATABASE_URL = url
  process.env.STAFF_DB = join(mkdtempSync(join(tmpdir(), 'signpost-staff-audit-')), 'staff.sqlite')
})
afterAll(async () => {
  await (await import('./audit')).auditStore().close()
  delete process.env.DATABASE_URL
  await server?.stop()
})

async function sql<T extends pg.QueryResultRow>(query: string, databaseUrl = url): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(query)).rows
  } finally {
    await client.end()
  }
}

test('entries one console writes are read and exported by a supervisor on another instance, and none go to SQLite', async () => {
  const { audit, auditCsv, auditEntries, auditStore } = await import('./audit')
  const { staffDb } = await import('./state')
  audit({ actor: 'casey', actorName: 'Casey Jones', roles: ['caseworker'], action: 'send', outcome: 'ok', detail: 'sent email', address: 'j***@example.com' })
  audit({ actor: 'x', actorName: '=HYPERLINK("http://evil")', roles: [], action: 'POST /api/send', outcome: 'refused', detail: 'a, b\nc — شکایت درج' })
  await auditStore().flush()

  const other = postgresAuditStore(url)
  const seen = await other.recent(10)
  expect(seen.map((e) => [e.actor_name, e.outcome, e.detail, e.address])).toEqual([
    ['=HYPERLINK("http://evil")', 'refused', 'a, b\nc — شکایت درج', null],
    ['Casey Jones', 'ok', 'sent email', 'j***@example.com'],
  ])
  expect(seen[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  expect((await auditEntries(1))[0]).toMatchObject({ actorName: '=HYPERLINK("http://evil")', roles: '', action: 'POST /api/send' })
  const csv = await auditCsv()
  expect(csv.split('\r\n')[0]).toBe('id,at,actor,actor_name,roles,action,outcome,detail,address')
  expect(csv).toContain(`,casey,Casey Jones,caseworker,send,ok,sent email,j***@example.com\r\n`)
  expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",,POST /api/send,refused,"a, b\nc — شکایت درج",\r\n`)
  expect(staffDb().prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 0 })
  await other.close()
})

test('two consoles starting at once on a new database migrate it once', async () => {
  const fresh = await server.createDatabase('staff_audit_race')
  const a = postgresAuditStore(fresh)
  const b = postgresAuditStore(fresh)
  a.append({ at: new Date().toISOString(), actor: 'a', actor_name: 'A', roles: '', action: 'sign-in', outcome: 'ok', detail: 'a', address: null })
  b.append({ at: new Date().toISOString(), actor: 'b', actor_name: 'B', roles: '', action: 'sign-in', outcome: 'ok', detail: 'b', address: null })
  await Promise.all([a.flush(), b.flush()])
  expect((await a.all()).map((e) => e.actor).sort()).toEqual(['a', 'b'])
  expect(await sql('SELECT name FROM staff_migrations', fresh)).toEqual([{ name: '0001-staff-audit' }])
  await Promise.all([a.close(), b.close()])
})

test('entries taken while the database is unreachable wait, are reported, and arrive in order once it is there', async () => {
  const lateUrl = url.replace(/\/[^/]+$/, '/staff_audit_late')
  const lines: string[] = []
  const store = postgresAuditStore(lateUrl, { retryMs: 100, log: (l) => lines.push(l) })
  for (const n of [1, 2, 3])
    store.append({
      at: new Date().toISOString(),
      actor: `s${n}`,
      actor_name: 'S',
      roles: '',
      action: 'print',
      outcome: 'ok',
      detail: `pack ${n}`,
      address: null,
    })
  await new Promise((r) => setTimeout(r, 400))
  expect(lines.join('\n')).toMatch(/AUDIT LOG NOT YET WRITTEN: PostgreSQL did not take 3 entries .*staff_audit_late/)
  await server.createDatabase('staff_audit_late')
  await store.flush()
  expect((await store.all()).map((e) => e.detail)).toEqual(['pack 1', 'pack 2', 'pack 3'])
  await store.close()
})

test('a DATABASE_URL that is not a postgres:// URL is refused, and so is a schema made by a newer Signpost', async () => {
  expect(() => auditStoreFromEnv(() => never(), { ...process.env, DATABASE_URL: 'mysql://db/signpost' })).toThrow(
    /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
  )
  const newer = await server.createDatabase('staff_audit_newer')
  await sql(
    "CREATE TABLE staff_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO staff_migrations (name) VALUES ('0001-staff-audit'), ('0099-future')",
    newer,
  )
  const store = postgresAuditStore(newer)
  await expect(store.all()).rejects.toThrow(/made by a newer version of Signpost \(migration 0099-future\)/)
  await store.close()
})

function never(): never {
  throw new Error('the SQLite file is not opened for a PostgreSQL DATABASE_URL')
}
