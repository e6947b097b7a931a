// The SQLite backend: the shared contract suite (queueContract.ts), and what only a file on disk has: outboxes made
// by older versions (schemas 4 and 5, and a schema 6 file written by the queue as it was before versioned migrations)
// open under the migrations and keep every message, a newer file is refused, and purge leaves nothing in the bytes.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { queueFromEnv } from './open.js'
import { openSqliteQueue, SqliteQueue } from './queue.js'
import { contractText, describeQueueContract } from './queueContract.js'
import { sqliteMigrations } from './sqliteMigrations.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-queue-'))
  dirs.push(dir)
  return join(dir, 'outbox.sqlite')
}
/** The file and its WAL as bytes on disk. */
const rawOf = (path: string): string =>
  Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')

describeQueueContract('SQLite', async (options) => {
  const path = tempPath()
  const store = await openSqliteQueue({ ...options, path })
  return {
    store,
    reopen: (again) => openSqliteQueue({ ...options, ...again, path }),
    rawText: async () => rawOf(path),
    cleanup: async () => {},
  }
})

const ALL_MIGRATIONS = sqliteMigrations.map((m) => m.name)
const logOf = (db: Database.Database) => (db.prepare('SELECT name FROM signpost_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name)

// The email outbox's tables as schema 4 made them, frozen here: such files must open and keep every message.
const SCHEMA_4 = `
CREATE TABLE renders (hash TEXT PRIMARY KEY, subject TEXT NOT NULL, html TEXT NOT NULL, text TEXT NOT NULL, revision TEXT NOT NULL, sender_name TEXT);
CREATE TABLE leaflets (hash TEXT PRIMARY KEY, file_name TEXT NOT NULL, content BLOB NOT NULL);
CREATE TABLE messages (
  id TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed')), origin TEXT NOT NULL,
  guide TEXT NOT NULL, area TEXT, attach_leaflet INTEGER NOT NULL DEFAULT 0, neutral INTEGER NOT NULL DEFAULT 0, to_address TEXT,
  to_name TEXT, recipient_key TEXT, to_masked TEXT NOT NULL, idempotency_key TEXT, request_digest TEXT, api_client TEXT,
  message_id TEXT NOT NULL UNIQUE, render_hash TEXT REFERENCES renders (hash), leaflet_hash TEXT REFERENCES leaflets (hash),
  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_response_code INTEGER, delivered_to TEXT, created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL, claimed_by TEXT, claimed_at INTEGER, sent_at INTEGER, finished_at INTEGER, purged_at INTEGER
);
CREATE UNIQUE INDEX messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
PRAGMA user_version = 4;
`

// The channel-neutral queue as schema 5 made it (before 'cancelled'), frozen here.
const SCHEMA_5 = `
CREATE TABLE snapshots (hash TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE attachments (hash TEXT PRIMARY KEY, file_name TEXT NOT NULL, content BLOB NOT NULL);
CREATE TABLE messages ( id TEXT PRIMARY KEY, channel TEXT NOT NULL CHECK (channel IN ('email','sms')), status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed')),
  origin TEXT NOT NULL, guide TEXT NOT NULL, area TEXT, options TEXT NOT NULL DEFAULT '{}', to_address TEXT, to_name TEXT, recipient_key TEXT, to_masked TEXT NOT NULL,
  idempotency_key TEXT, request_digest TEXT, api_client TEXT, message_id TEXT NOT NULL UNIQUE, render_hash TEXT REFERENCES snapshots (hash),
  attachment_hash TEXT REFERENCES attachments (hash), attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_response_code INTEGER, delivered_to TEXT,
  provider_id TEXT, receipt_status TEXT, receipt_at INTEGER, created_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, claimed_by TEXT, claimed_at INTEGER,
  sent_at INTEGER, finished_at INTEGER, purged_at INTEGER );
CREATE UNIQUE INDEX messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
PRAGMA user_version = 5;
`

describe('an outbox written before versioned migrations (schema 6, commit f631dc7)', () => {
  function oldFile(): string {
    const path = tempPath()
    const db = new Database(path)
    db.exec(readFileSync(new URL('./fixtures/outbox-f631dc7.sql', import.meta.url), 'utf8'))
    db.close()
    return path
  }

  it('opens, records every migration, and keeps every message with its state, rendering, leaflet and idempotency key', async () => {
    const path = oldFile()
    const before = new Database(path, { readonly: true })
    const rows = before.prepare('SELECT * FROM messages ORDER BY rowid').all()
    before.close()
    const queue = await openSqliteQueue({ path })
    try {
      expect(logOf(queue.db)).toEqual(ALL_MIGRATIONS)
      expect(queue.db.pragma('user_version', { simple: true })).toBe(6)
      expect(queue.db.prepare('SELECT * FROM messages ORDER BY rowid').all()).toEqual(rows)
      expect(await queue.counts()).toEqual({ queued: 1, sending: 1, sent: 2, retrying: 1, failed: 1, cancelled: 1 })
      const texts = await queue.list({ channel: 'sms', limit: 10 })
      expect(texts.find((m) => m.status === 'failed')?.lastError).toBe('Notify: 07*** ***903 is not a real number')
      expect(texts.find((m) => m.status === 'cancelled')?.cancelledBy).toBe('Sam Supervisor')
      expect((await queue.findByProviderId('notify-old-5'))?.status).toBe('sent')
      // The same API request again is answered with the first message; another request with that key is refused.
      const repeat = {
        channel: 'email' as const,
        origin: 'api' as const,
        guide: 'cyber-crime-and-fraud',
        area: 'derbyshire',
        options: {},
        recipient: { address: 'old1@example.com', key: 'old1@example.com', masked: 'o***@example.com' },
        idempotencyKey: 'api:client-old:case-1',
        requestDigest: 'rd-1',
        reference: '<new@x>',
        limit: { limit: 5, windowMs: 3_600_000, what: 'advice emails' },
      }
      const first = (await queue.list({ channel: 'email', status: 'queued' }))[0]
      expect(await queue.enqueue(repeat)).toEqual({ id: first?.id, created: false })
      await expect(queue.enqueue({ ...repeat, requestDigest: 'other' })).rejects.toThrow(/already used for a different request/)
      // The message a stopped worker left in "sending" goes back to the queue; then the worker gets the stored rendering and leaflet.
      const recovered = await queue.recoverAbandoned()
      expect(recovered.ownerGone + recovered.notRenewed).toBe(1)
      const claimed = await queue.claim(10, { channels: ['email'] })
      expect(claimed.map((m) => m.reference).sort()).toEqual(['<old1@signpost.invalid>', '<old7@signpost.invalid>'])
      const leaflet = claimed.find((m) => m.reference === '<old1@signpost.invalid>')
      expect(leaflet).toMatchObject({ address: 'old1@example.com', name: 'Old Name 1', snapshot: { html: '<p dir="rtl">اردو</p>' } })
      expect(leaflet?.attachment?.content.toString('latin1')).toBe('%PDF-1.7\n\u0000\u00ff raw')
      expect(await queue.takeRateLimit('api-key:client-old', { limit: 1, windowMs: 60_000 })).toMatchObject({ allowed: true })
    } finally {
      await queue.close()
    }
  })

  it('the migrate step alone: says what it applied, then that nothing is pending', async () => {
    const path = oldFile()
    const queue = await openSqliteQueue({ path, migrate: false })
    try {
      expect(await queue.pendingMigrations()).toEqual(ALL_MIGRATIONS)
      expect(await queue.migrate()).toEqual({ applied: ALL_MIGRATIONS, already: [] })
      expect(await queue.pendingMigrations()).toEqual([])
      expect(await queue.migrate()).toEqual({ applied: [], already: ALL_MIGRATIONS })
    } finally {
      await queue.close()
    }
  })

  it('two processes opening it at the same moment migrate it once and both work', async () => {
    const path = oldFile()
    const [a, b] = await Promise.all([openSqliteQueue({ path }), openSqliteQueue({ path })])
    try {
      expect(logOf(a.db)).toEqual(ALL_MIGRATIONS)
      expect((await a.counts()).queued).toBe(1)
      expect((await b.counts()).queued).toBe(1)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

describe('a file this version cannot read', () => {
  it('refuses an outbox whose log names a migration this version does not have, and changes nothing', async () => {
    const path = tempPath()
    const q = await openSqliteQueue({ path })
    await q.enqueue(contractText(1))
    q.db.prepare('INSERT INTO signpost_migrations (name, applied_at) VALUES (?, ?)').run('0099-from-the-future', 1)
    await q.close()
    await expect(openSqliteQueue({ path })).rejects.toThrow(
      `The outbox ${path} was made by a newer version of Signpost (it has the migration 0099-from-the-future, which this one does not know). Update Signpost, or move the file aside or set EMAIL_DB.`,
    )
    const db = new Database(path, { readonly: true })
    expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(1)
    db.close()
  })

  it('refuses an outbox of an unknown schema number', async () => {
    const path = tempPath()
    const db = new Database(path)
    db.exec('CREATE TABLE messages (id TEXT); PRAGMA user_version = 9;')
    db.close()
    await expect(openSqliteQueue({ path })).rejects.toThrow(`The outbox ${path} was made by another version of Signpost (schema 9, this one needs 6).`)
  })
})

describe('an old outbox (schema 3) opened by several processes at once, one of them killed mid-migration', () => {
  it('is migrated exactly once and keeps every message, renders and leaflets included', async () => {
    const path = tempPath()
    const db = new Database(path)
    // Schema 3's file (the tables as 4 has them; 3 → 4 masks the stored replies and makes the keys digests).
    db.exec(SCHEMA_4)
    db.pragma('user_version = 3')
    const N = 5000
    const pdf = Buffer.from('%PDF-1.7 \u0000\u00ff leaflet bytes')
    db.prepare('INSERT INTO renders VALUES (?, ?, ?, ?, ?, ?)').run('h1', 'سائبر کرائم', '<p dir="rtl">اردو</p>', 'text', 'rev1', 'Sender')
    db.prepare('INSERT INTO leaflets VALUES (?, ?, ?)').run('l1', 'leaflet.pdf', pdf)
    const insert = db.prepare(
      `INSERT INTO messages (id, status, origin, guide, attach_leaflet, to_address, recipient_key, to_masked, idempotency_key, message_id, render_hash, leaflet_hash,
        last_error, created_at, next_attempt_at) VALUES (?, ?, 'cli', 'cyber-crime-and-fraud', 1, ?, ?, 'r***@example.com', ?, ?, 'h1', 'l1', ?, ?, ?)`,
    )
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const to = `reader${i}@example.com`
        insert.run(`m${i}`, i % 3 ? 'queued' : 'failed', to, to, i % 5 ? null : `key-${i}`, `<m${i}@x>`, i % 3 ? null : `550 <${to}> unknown`, i, i)
      }
    })()
    db.close()
    const dist = new URL('../dist/queue.js', import.meta.url).href
    const script = `const { openSqliteQueue } = await import(${JSON.stringify(dist)}); process.stdout.write('opening;'); const t = Date.now();
      const q = await openSqliteQueue({ path: ${JSON.stringify(path)} }); await q.close(); process.stdout.write(process.env.SIGNPOST_DEBUG_MIGRATE ? String(Date.now() - t) : 'ok')`
    const open = () => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = (child: ChildProcess) =>
      new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        let out = ''
        child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
        child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
        child.on('close', (code, signal) => resolve({ code, signal, out }))
      })
    // One process is killed while it migrates (the steps over 5,000 rows take seconds), three open at the same time.
    const victim = open()
    const victimExit = exited(victim)
    await new Promise<void>((resolve) => victim.stdout?.on('data', (d: Buffer) => d.toString().includes('opening;') && resolve()))
    await new Promise((r) => setTimeout(r, 40))
    victim.kill('SIGKILL')
    const others = await Promise.all([open(), open(), open()].map(exited))
    const killed = await victimExit
    if (process.env.SIGNPOST_DEBUG_MIGRATE) console.info('killed process', killed)
    expect(killed.signal).toBe('SIGKILL') // it had not finished
    if (process.env.SIGNPOST_DEBUG_MIGRATE) console.info('others', others)
    for (const o of others) expect(o).toMatchObject({ code: 0, out: expect.stringMatching(/^opening;/) })

    const queue = await openSqliteQueue({ path })
    try {
      expect(logOf(queue.db)).toEqual(ALL_MIGRATIONS)
      expect(await queue.pendingMigrations()).toEqual([])
      expect(await queue.counts()).toEqual({ queued: N - Math.ceil(N / 3), sending: 0, sent: 0, retrying: 0, failed: Math.ceil(N / 3), cancelled: 0 })
      const failed = await queue.get('m3')
      expect(failed).toMatchObject({ channel: 'email', status: 'failed', lastError: '550 <r***@example.com> unknown', options: { attachLeaflet: true } })
      const [claimed] = await queue.claim(1, { id: 'm1' })
      expect(claimed?.snapshot).toMatchObject({ subject: 'سائبر کرائم', html: '<p dir="rtl">اردو</p>' })
      expect(Buffer.compare(claimed?.attachment?.content ?? Buffer.alloc(0), pdf)).toBe(0)
      // Keys became digests once: the same key again is answered with its first message, not hashed twice.
      const again = await queue.enqueue({ ...contractText(1), idempotencyKey: 'key-5', requestDigest: 'anything' })
      expect(again).toEqual({ id: 'm5', created: false })
    } finally {
      await queue.close()
    }
  })
})

describe('an email outbox of schema 4', () => {
  it('migrates in place: each message becomes an email with its options, its rendering a snapshot and its leaflet an attachment', async () => {
    const path = tempPath()
    const db = new Database(path)
    db.exec(SCHEMA_4)
    db.prepare('INSERT INTO renders VALUES (?, ?, ?, ?, ?, ?)').run(
      'h1',
      'Cyber Crime and Fraud',
      '<p>hi</p>',
      'hi 0800 612 6505',
      'rev1',
      'Derbyshire Victim Services',
    )
    db.prepare('INSERT INTO leaflets VALUES (?, ?, ?)').run('l1', 'leaflet.pdf', Buffer.from('%PDF-1.7 raw \u0000 bytes'))
    db.prepare(
      `INSERT INTO messages (id, status, origin, guide, area, attach_leaflet, neutral, to_address, recipient_key, to_masked, idempotency_key, request_digest,
        message_id, render_hash, leaflet_hash, created_at, next_attempt_at) VALUES ('m1', 'queued', 'api', 'cyber-crime-and-fraud', 'derbyshire', 1, 1,
        'jo@example.com', 'jo@example.com', 'j***@example.com', 'digest-k', 'digest-r', '<m1@signpost.invalid>', 'h1', 'l1', 1, 1)`,
    ).run()
    db.close()

    const queue = await openSqliteQueue({ path })
    try {
      expect(queue.db.pragma('user_version', { simple: true })).toBe(6)
      expect(logOf(queue.db)).toEqual(ALL_MIGRATIONS)
      expect(await queue.get('m1')).toMatchObject({
        channel: 'email',
        status: 'queued',
        to: 'j***@example.com',
        reference: '<m1@signpost.invalid>',
        options: { attachLeaflet: true, neutral: true },
      })
      const [claimed] = await queue.claim(5, { channels: ['email'] })
      expect(claimed?.snapshot).toEqual({
        subject: 'Cyber Crime and Fraud',
        html: '<p>hi</p>',
        text: 'hi 0800 612 6505',
        revision: 'rev1',
        senderName: 'Derbyshire Victim Services',
      })
      expect(claimed?.attachment?.content.toString()).toBe('%PDF-1.7 raw \u0000 bytes')
      expect(claimed?.address).toBe('jo@example.com')
      const tables = (queue.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
      expect(tables).toEqual(['attachments', 'messages', 'rate_limits', 'signpost_migrations', 'snapshots'])
    } finally {
      await queue.close()
    }
    expect(existsSync(path)).toBe(true)
    expect(readFileSync(path).toString('latin1')).not.toContain('CREATE TABLE renders')
  })
})

describe('a channel-neutral queue of schema 5', () => {
  it('migrates in place: every row kept, the indexes made again, and a queued one can then be cancelled', async () => {
    const path = tempPath()
    const db = new Database(path)
    db.exec(SCHEMA_5)
    for (const [id, status, attempts, error, provider] of [
      ['q1', 'queued', 0, null, null],
      ['f1', 'failed', 3, 'no such number', 'n-9'],
    ] as const) {
      db.prepare(
        `INSERT INTO messages (id, channel, status, origin, guide, options, to_address, recipient_key, to_masked, message_id, attempts, last_error, provider_id, created_at, next_attempt_at)
         VALUES (?, 'sms', ?, 'cli', 'cyber-crime-and-fraud', '{"neutral":true}', '+447700900123', '+447700900123', '07*** ***123', ?, ?, ?, ?, 1, 1)`,
      ).run(id, status, `ref-${id}`, attempts, error, provider)
    }
    db.close()
    const queue = await openSqliteQueue({ path })
    try {
      expect(queue.db.pragma('user_version', { simple: true })).toBe(6)
      expect(await queue.get('f1')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'no such number', providerId: 'n-9', options: { neutral: true } })
      expect(await queue.cancel('q1', 'Sam')).toMatchObject({ cancelled: true, message: { status: 'cancelled' } })
      const indexes = (
        queue.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' AND name LIKE 'messages_%'").all() as { name: string }[]
      ).map((i) => i.name)
      expect(indexes).toContain('messages_due')
      expect(indexes).toContain('messages_idempotency')
    } finally {
      await queue.close()
    }
  })
})

describe('purge on disk', () => {
  it("erases a finished message's number from the file and the WAL, keeping one still waiting for its receipt", async () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const path = tempPath()
    const queue = await openSqliteQueue({ path, now: () => now, retentionMs: 24 * 3600 * 1000 })
    const done = (await queue.enqueue(contractText(11))).id
    const waiting = (await queue.enqueue(contractText(22))).id
    await queue.claim(2)
    await queue.markSent(done, { where: 'GOV.UK Notify', providerId: 'n-done', awaitingReceipt: true })
    await queue.markSent(waiting, { where: 'GOV.UK Notify', providerId: 'n-wait', awaitingReceipt: true })
    await queue.recordReceipt('n-done', { status: 'delivered', outcome: 'delivered' })
    now += 2 * 24 * 3600 * 1000
    expect(await queue.purge()).toEqual({ erased: 1, walCleared: true })
    const raw = rawOf(path)
    expect(raw).not.toContain('+447700900111')
    expect(raw).toContain('+447700900122')
    await queue.close()
  })

  it('says where the erased values still are when another connection keeps the WAL in use', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const path = tempPath()
    const queue = await openSqliteQueue({ path, now: () => now, retentionMs: 1000 })
    const reader = new SqliteQueue({ path })
    const id = (await queue.enqueue(contractText(33))).id
    await queue.cancel(id, 'Sam')
    now += 2000
    // A read transaction open on another connection keeps the WAL from being emptied.
    reader.db.exec('BEGIN')
    reader.db.prepare('SELECT count(*) FROM messages').get()
    const result = await queue.purge()
    reader.db.exec('COMMIT')
    await reader.close()
    expect(result).toEqual({
      erased: 1,
      walCleared: false,
      residue: `another process kept the WAL file in use, so the erased values stay in ${path}-wal until its next checkpoint`,
    })
    await queue.close()
  })
})

describe('queueFromEnv', () => {
  it('opens the file a caller names as SQLite, whatever DATABASE_URL says; without one, DATABASE_URL decides', async () => {
    const env = { DATABASE_URL: 'mysql://queue.example/signpost' }
    const path = tempPath()
    const store = await queueFromEnv(env, { file: path })
    expect(store.backend).toBe('sqlite')
    expect(store.location).toBe(path)
    await store.close()
    await expect(queueFromEnv(env)).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/)
  })
})
