// Purge on a real PostgreSQL, down to the raw bytes: after purge no erased address can be read through SQL, nor from
// the files of the messages table and its indexes under the server's data folder; one still within retention can.
// Also what purge cannot reach and says so (the WAL), why it rewrites the table (plain VACUUM leaves the bytes), and
// what happens when it may not rewrite it (a user that does not own the table, a transaction in the way).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { contractEmail } from './queueContract.js'
import { openPostgresQueue } from './postgresStore.js'
import type { QueueStore } from './store.js'

const DAY = 24 * 3_600_000
let server: TestPostgres
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(async () => {
  await server?.stop()
})

let n = 0
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A new database, a superuser connection to it, and a queue on it with a clock the test moves. */
async function setup(): Promise<{ url: string; sql: pg.Client; store: QueueStore; clock: { now: number } }> {
  n += 1
  const url = await server.createDatabase(`purge_${process.pid}_${n}`)
  const sql = new pg.Client({ connectionString: url })
  await sql.connect()
  cleanups.push(() => sql.end())
  const clock = { now: Date.parse('2026-12-01T10:00:00Z') }
  const store = await openPostgresQueue(url, { now: () => clock.now, retentionMs: DAY })
  cleanups.push(() => store.close())
  return { url, sql, store, clock }
}

/** The bytes of the messages table, its TOAST table and every index, as they are on disk now (after a CHECKPOINT). */
async function messagesFiles(sql: pg.Client): Promise<string> {
  await sql.query('CHECKPOINT')
  const { rows } = await sql.query<{ path: string }>(
    `SELECT pg_relation_filepath(oid) AS path FROM pg_class
     WHERE oid = 'messages'::regclass OR oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'messages'::regclass)
        OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'messages'::regclass)`,
  )
  expect(rows.length).toBeGreaterThanOrEqual(9) // heap, TOAST, and the indexes
  return rows
    .filter((r) => r.path !== null)
    .map((r) => readFileSync(join(server.dataDir, r.path)).toString('latin1'))
    .join('\n')
}

/** Every WAL segment the server still keeps. */
async function walFiles(sql: pg.Client): Promise<string> {
  const { rows } = await sql.query<{ name: string }>('SELECT name FROM pg_ls_waldir()')
  return rows.map((r) => readFileSync(join(server.dataDir, 'pg_wal', r.name)).toString('latin1')).join('\n')
}

// A recipient named in Urdu: its UTF-8 bytes, as they would be found in a file read as latin1.
const URDU_NAME = 'عائشہ خان'
const urduBytes = Buffer.from(URDU_NAME, 'utf8').toString('latin1')

/** Sends r1..r3 (finished now; r3 named in Urdu) and leaves r5 queued. */
async function finishThreeKeepOne(store: QueueStore): Promise<void> {
  for (const i of [1, 2, 3, 5]) {
    const email = contractEmail(i)
    await store.enqueue(i === 3 ? { ...email, recipient: { ...email.recipient, name: URDU_NAME } } : email)
  }
  for (const m of await store.claim(3)) await store.markSent(m.id, { where: 'test' })
}

const ERASED = ['r1@example.com', 'r2@example.com', 'r3@example.com', 'Jo Bloggs 1', 'Jo Bloggs 2', urduBytes]

describe('purge on PostgreSQL', () => {
  it("leaves no erased address or name in the table's data and index files, and says the WAL still has them", async () => {
    const { sql, store, clock } = await setup()
    await finishThreeKeepOne(store)
    const before = await messagesFiles(sql)
    for (const value of ERASED) expect(before).toContain(value) // on disk before purge, so the check below means something

    clock.now += DAY + 1
    const result = await store.purge()
    expect(result).toMatchObject({ erased: 3, walCleared: false })
    expect(result.residue).toContain("PostgreSQL's write-ahead log (pg_wal) still holds them")

    const { rows } = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM messages m WHERE m::text LIKE '%r1@example.com%' OR m::text LIKE '%Jo Bloggs 2%' OR recipient_key = 'r3@example.com'",
    )
    expect(rows[0]?.n).toBe(0)
    const after = await messagesFiles(sql)
    for (const value of ERASED) expect(after).not.toContain(value)
    expect(after).toContain('r5@example.com') // still queued: kept, in the very files read
    // What the residue says is true: the WAL still holds an erased address.
    expect(await walFiles(sql)).toContain('r1@example.com')
  })

  it('plain VACUUM would not do: the dead row versions keep the address bytes in the data file', async () => {
    const { sql, store } = await setup()
    await finishThreeKeepOne(store)
    await sql.query('UPDATE messages SET to_address = NULL, to_name = NULL, recipient_key = NULL WHERE to_address = $1', ['r1@example.com'])
    await sql.query('VACUUM messages')
    const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE to_address = 'r1@example.com'")
    expect(rows[0]?.n).toBe(0)
    expect(await messagesFiles(sql)).toContain('r1@example.com')
  })

  it('erases but says so when its database user may not rewrite the table; the next purge by the owner rewrites it', async () => {
    const { url, sql, store, clock } = await setup()
    await finishThreeKeepOne(store)
    await sql.query('DROP ROLE IF EXISTS queue_app')
    await sql.query('CREATE ROLE queue_app LOGIN')
    await sql.query('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO queue_app')
    cleanups.push(async () => {
      await sql.query('DROP OWNED BY queue_app')
      await sql.query('DROP ROLE queue_app')
    })
    const appUrl = new URL(url)
    appUrl.username = 'queue_app'
    const app = await openPostgresQueue(appUrl.toString(), { now: () => clock.now, retentionMs: DAY, migrate: false })
    cleanups.push(() => app.close())

    clock.now += DAY + 1
    const result = await app.purge()
    expect(result.erased).toBe(3)
    expect(result.residue).toContain('VACUUM FULL needs its owner')
    expect(await messagesFiles(sql)).toContain('r2@example.com')

    // Nothing new to erase, but the rewrite is still owed: the owner's purge does it.
    const owner = await store.purge()
    expect(owner).toMatchObject({ erased: 0, walCleared: false })
    expect(owner.residue).not.toContain('owner')
    for (const value of ERASED) expect(await messagesFiles(sql)).not.toContain(value)
    expect(await store.purge()).toEqual({ erased: 0, walCleared: true })
  })

  it('three workers purging at the same moment erase each message once and rewrite the table without getting in each other’s way', async () => {
    const { url, sql, store, clock } = await setup()
    await finishThreeKeepOne(store)
    const others = await Promise.all([1, 2].map(() => openPostgresQueue(url, { now: () => clock.now, retentionMs: DAY })))
    cleanups.push(async () => {
      for (const o of others) await o.close()
    })
    clock.now += DAY + 1
    const results = await Promise.all([store, ...others].map((s) => s.purge()))
    expect(results.reduce((sum, r) => sum + r.erased, 0)).toBe(3)
    for (const r of results) expect(r.residue ?? '').not.toMatch(/Could not rewrite|had to be kept/)
    for (const value of ERASED) expect(await messagesFiles(sql)).not.toContain(value)
    expect(await store.purge()).toEqual({ erased: 0, walCleared: true })
  })

  it('does not hold up the queue behind a transaction that has the table: it gives up, says so, and the next purge rewrites', async () => {
    const { url, sql, store, clock } = await setup()
    await finishThreeKeepOne(store)
    const reader = new pg.Client({ connectionString: url })
    await reader.connect()
    cleanups.push(() => reader.end())
    await reader.query('BEGIN')
    await reader.query('SELECT count(*) FROM messages') // holds a lock that VACUUM FULL must wait for
    clock.now += DAY + 1
    const blocked = await store.purge()
    expect(blocked.erased).toBe(3)
    expect(blocked.residue).toContain('Could not rewrite the queue')
    expect(blocked.residue).toContain('lock timeout')
    await reader.query('COMMIT')
    expect((await store.purge()).residue).toContain("PostgreSQL's write-ahead log")
    for (const value of ERASED) expect(await messagesFiles(sql)).not.toContain(value)
  })
})
