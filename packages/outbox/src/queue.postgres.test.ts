// The queue on a real PostgreSQL (Debian's server, started by @signpost/pgtest, one per file, a fresh database per
// store): the shared contract suite that SQLite passes too, then what only several processes on one server show —
// claims shared between real worker processes, a SIGKILLed worker's messages coming back after its lease and not
// before, migrations applied once when several processes start together, and a newer schema refused.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { hostname } from 'node:os'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { contractText, describeQueueContract } from './queueContract.js'
import { clockSkewWarning, openPostgresQueue, PostgresQueue } from './postgresStore.js'
import type { QueueStore } from './store.js'

let server: TestPostgres
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(async () => {
  await server?.stop()
})

let databases = 0
async function freshDatabase(): Promise<string> {
  databases += 1
  return server.createDatabase(`queue_${process.pid}_${databases}`)
}
async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
  } finally {
    await admin.end()
  }
}

describeQueueContract('PostgreSQL', async (options) => {
  const url = await freshDatabase()
  const store = await openPostgresQueue(url, options)
  return {
    store,
    reopen: (others) => openPostgresQueue(url, others ?? options),
    cleanup: () => dropDatabase(url),
  }
})

const CLAIMER = fileURLToPath(new URL('./postgresClaimer.ts', import.meta.url))

type Claimer = { child: ChildProcess; events: Record<string, unknown>[]; next(key: string): Promise<Record<string, unknown>>; exited: Promise<number | null> }

/** Starts postgresClaimer.ts as its own process and follows its JSON lines. */
function startClaimer(mode: 'drain' | 'hold', url: string, workerId: string, leaseMs?: number): Claimer {
  const child = spawn(process.execPath, ['--import', 'tsx', CLAIMER, mode, url, workerId, ...(leaseMs ? [String(leaseMs)] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const events: Record<string, unknown>[] = []
  const waiting: { key: string; from: number; resolve: (e: Record<string, unknown>) => void }[] = []
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    events.push(JSON.parse(line) as Record<string, unknown>)
    for (const w of waiting.splice(0)) {
      const found = events.slice(w.from).find((e) => w.key in e)
      if (found) w.resolve(found)
      else waiting.push(w)
    }
  })
  return {
    child,
    events,
    exited,
    next(key) {
      const from = events.length
      return new Promise((resolve, reject) => {
        waiting.push({ key, from, resolve })
        void exited.then((code) => reject(new Error(`${workerId} exited (${code}) before "${key}": ${stderr}`)))
      })
    },
  }
}
const claimedBy = (c: Claimer): string[] => c.events.filter((e) => typeof e.claimed === 'string').map((e) => e.claimed as string)

describe('PostgreSQL: several worker processes on one queue', () => {
  const children: Claimer[] = []
  const stores: QueueStore[] = []
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL')
    for (const s of stores.splice(0)) await s.close()
  })
  async function queueOf(url: string, leaseMs?: number): Promise<QueueStore> {
    const store = await openPostgresQueue(url, { leaseMs })
    stores.push(store)
    return store
  }

  it('two processes draining one queue at the same time never get the same message, and together get every one', async () => {
    const url = await freshDatabase()
    const store = await queueOf(url)
    const ids: string[] = []
    for (let i = 0; i < 300; i++) {
      const number = `+44770090${String(i).padStart(4, '0')}`
      ids.push((await store.enqueue(contractText(i % 100, { recipient: { address: number, key: number, masked: 'x' }, reference: `ref-${i}` }))).id)
    }
    const a = startClaimer('drain', url, 'host-a:1')
    const b = startClaimer('drain', url, 'host-b:1')
    children.push(a, b)
    await Promise.all([a.next('ready'), b.next('ready')])
    a.child.stdin?.write('go\n')
    b.child.stdin?.write('go\n')
    await Promise.all([a.next('done'), b.next('done')])
    const fromA = claimedBy(a)
    const fromB = claimedBy(b)
    expect(fromA.filter((id) => fromB.includes(id))).toEqual([])
    expect(new Set(fromA).size).toBe(fromA.length)
    expect(new Set(fromB).size).toBe(fromB.length)
    expect([...fromA, ...fromB].sort()).toEqual([...ids].sort())
    // Both really competed for the same rows (each took a share), and the database agrees with what each process said.
    expect(fromA.length).toBeGreaterThan(0)
    expect(fromB.length).toBeGreaterThan(0)
    expect(await store.counts()).toMatchObject({ sent: 300, sending: 0, queued: 0 })
    for (const id of fromA.slice(0, 20)) expect((await store.get(id))?.deliveredTo).toBe('host-a:1')
    for (const id of fromB.slice(0, 20)) expect((await store.get(id))?.deliveredTo).toBe('host-b:1')
    expect((await store.list({ limit: 300 })).every((m) => m.attempts === 1)).toBe(true)
  })

  it("a SIGKILLed worker's messages go to another worker after its lease, not before, and a live worker keeps its own", async () => {
    // Long enough that a heartbeat (every third of it) is never late by a whole lease on a busy 2-core machine.
    const leaseMs = 3000
    const url = await freshDatabase()
    const store = await queueOf(url, leaseMs)
    const ids: string[] = []
    for (let i = 1; i <= 4; i++) ids.push((await store.enqueue(contractText(i))).id)
    // The worker records itself as host:pid on this very host, so a pid check would see it gone the moment it dies.
    const holder = startClaimer('hold', url, 'default', leaseMs)
    children.push(holder)
    await holder.next('ready')
    while (claimedBy(holder).length < ids.length) await holder.next('claimed')
    expect(claimedBy(holder).sort()).toEqual([...ids].sort())
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const owners = await admin.query<{ claimed_by: string }>("SELECT DISTINCT claimed_by FROM messages WHERE status = 'sending'")
    await admin.end()
    expect(owners.rows.map((r) => r.claimed_by)).toEqual([`${hostname()}:${holder.child.pid}`])

    // Alive for two leases: it renews, so another worker gets nothing and recovers nothing.
    const other = await queueOf(url, leaseMs)
    const deadline = Date.now() + 2 * leaseMs
    while (Date.now() < deadline) {
      expect(await other.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 0 })
      expect(await other.claim(10, { workerId: 'host-b:1' })).toEqual([])
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(holder.events.filter((e) => 'renewed' in e).length).toBeGreaterThanOrEqual(3)
    expect(holder.events.some((e) => Array.isArray(e.lost) && e.lost.length > 0)).toBe(false)

    holder.child.kill('SIGKILL')
    await holder.exited
    const renewals = holder.events.filter((e) => 'renewed' in e).map((e) => e.renewed as number)
    const lastRenewal = Math.max(...renewals)
    // Just killed: its lease still runs, so nothing is taken yet (a pid check would have taken them now).
    expect(Date.now()).toBeLessThan(lastRenewal + leaseMs)
    expect(await other.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 0 })
    expect(await other.claim(10, { workerId: 'host-b:1' })).toEqual([])
    expect(await other.counts()).toMatchObject({ sending: 4 })

    let recovered = 0
    while (recovered < ids.length) {
      await new Promise((r) => setTimeout(r, 50))
      const before = Date.now()
      const { notRenewed } = await other.recoverAbandoned()
      // (The line is printed a moment after the renewal's own clock reading: a third of a lease of slack.)
      if (notRenewed > 0) expect(before).toBeGreaterThanOrEqual(lastRenewal + leaseMs - leaseMs / 3)
      recovered += notRenewed
    }
    const again = await other.claim(10, { workerId: 'host-b:1' })
    expect(again.map((m) => m.id).sort()).toEqual([...ids].sort())
    expect(again.every((m) => m.attempts === 2 && m.address !== null)).toBe(true)
    expect(again.map((m) => m.reference).sort()).toEqual(['ref-1', 'ref-2', 'ref-3', 'ref-4'])
  })
})

describe('PostgreSQL: a stalled claimer', () => {
  it('does not hold up the other workers: rows it has locked are skipped, not waited for, and it gets them itself', async () => {
    const url = await freshDatabase()
    const store = await openPostgresQueue(url)
    const stalled = new pg.Client({ connectionString: url })
    await stalled.connect()
    try {
      const ids: string[] = []
      for (let i = 1; i <= 4; i++) ids.push((await store.enqueue(contractText(i))).id)
      // Another worker's claim transaction stopped half way (a paused VM, a slow link) with the two oldest rows locked.
      await stalled.query('BEGIN')
      const locked = await stalled.query<{ id: string }>('SELECT id FROM messages ORDER BY seq LIMIT 2 FOR UPDATE')
      // This resolves while the lock is still held (were it waiting, the test would time out here).
      const got = await store.claim(10, { workerId: 'host-b:1' })
      expect(got.map((m) => m.id).sort()).toEqual(ids.slice(2).sort())
      await stalled.query('ROLLBACK')
      expect((await store.claim(10, { workerId: 'host-b:1' })).map((m) => m.id).sort()).toEqual(locked.rows.map((r) => r.id).sort())
    } finally {
      await stalled.end()
      await store.close()
    }
  })
})

describe('PostgreSQL: clocks', () => {
  it("warns when this machine's clock is off the server's by a tenth of a lease or more, saying which way", async () => {
    expect(clockSkewWarning(400, 300_000)).toBeUndefined()
    expect(clockSkewWarning(29_000, 300_000)).toBeUndefined()
    expect(clockSkewWarning(40_000, 300_000)).toMatch(/^This machine's clock is 40\.0 s ahead of the queue's PostgreSQL server\. .*leases \(300 s\)/)
    expect(clockSkewWarning(-2_000, 5_000)).toContain('2.0 s behind the queue')
    // Here the server runs on this machine: the measured skew is (near) nothing.
    const store = new PostgresQueue(server.url)
    try {
      expect(Math.abs(await store.clockSkewMs())).toBeLessThan(1000)
    } finally {
      await store.close()
    }
  })
})

describe('PostgreSQL: connections that the server drops', () => {
  it('keeps working after the server ends every connection of the queue (a restart, a failover): nothing lost, the process not ended', async () => {
    const url = await freshDatabase()
    const store = await openPostgresQueue(url)
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const first = (await store.enqueue(contractText(1))).id
      // Several connections open in the pool, then all of them killed while idle.
      await Promise.all([store.counts(), store.list(), store.get(first), store.counts()])
      const killed = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'signpost-queue' AND datname = current_database()) t",
      )
      expect(killed.rows[0]?.n).toBeGreaterThan(0)
      await new Promise((r) => setTimeout(r, 200))
      // A call may meet a connection that died under it; the pool drops it, and the next call works.
      let counts = await store.counts().catch(() => undefined)
      counts ??= await store.counts()
      expect(counts).toMatchObject({ queued: 1 })
      expect((await store.enqueue(contractText(2))).created).toBe(true)
      expect((await store.claim(5)).map((m) => m.reference).sort()).toEqual(['ref-1', 'ref-2'])
    } finally {
      await admin.end()
      await store.close()
    }
  })
})

describe('PostgreSQL: schema migrations', () => {
  it('applies each migration once when four processes start on a new database at the same moment', async () => {
    const url = await freshDatabase()
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresQueue(url, { migrate: false })))
    try {
      expect(await stores[0]?.pendingMigrations()).toEqual(['0001-messages'])
      const reports = await Promise.all(stores.map((s) => s.migrate()))
      expect(reports.flatMap((r) => r.applied)).toEqual(['0001-messages'])
      expect(reports.filter((r) => r.already.includes('0001-messages'))).toHaveLength(3)
      for (const s of stores) expect(await s.pendingMigrations()).toEqual([])
      await stores[0]?.enqueue(contractText(1))
      expect(await stores[3]?.counts()).toMatchObject({ queued: 1 })
    } finally {
      for (const s of stores) await s.close()
    }
  })

  it('refuses a database migrated by a newer Signpost, naming the migration it does not know, and leaves it as it was', async () => {
    const url = await freshDatabase()
    const first = await openPostgresQueue(url)
    await first.enqueue(contractText(1))
    await first.close()
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query("INSERT INTO signpost_migrations (name, applied_at) VALUES ('0099-from-the-future', 0)")
    await admin.end()
    await expect(openPostgresQueue(url)).rejects.toThrow(
      /Could not open the queue on PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/queue_\d+_\d+: .*newer version of Signpost .*0099-from-the-future/,
    )
    const old = new PostgresQueue(url)
    try {
      expect(await old.counts()).toMatchObject({ queued: 1 })
    } finally {
      await old.close()
    }
  })

  it('refuses a database whose encoding cannot hold Urdu text, before creating anything in it', async () => {
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    const name = `latin1_${process.pid}`
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'`)
    const url = server.url.replace(/\/postgres$/, `/${name}`)
    try {
      await expect(openPostgresQueue(url)).rejects.toThrow(`the database "${name}" uses the LATIN1 encoding, which cannot store the Urdu`)
      const check = new pg.Client({ connectionString: url })
      await check.connect()
      const tables = await check.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")
      await check.end()
      expect(tables.rows[0]?.n).toBe(0)
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
  })

  it('names the server it could not reach, without its password', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const url = `postgres://signpost:s3cret-pw@127.0.0.1:${closed}/nothing`
    const refused = openPostgresQueue(url)
    await expect(refused).rejects.toThrow('Could not open the queue on PostgreSQL at postgres://signpost:***@127.0.0.1:')
    await expect(refused).rejects.not.toThrow('s3cret-pw')
  })
})
