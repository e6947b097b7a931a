// The outbox on its own: validation at the door, idempotency, per-recipient limits, states, back-off and purge.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { loadContent } from '@signpost/content'
import { afterEach, describe, expect, it } from 'vitest'
import { IdempotencyConflictError, openOutbox, RateLimitError } from './outbox.js'
import { AdviceEmailRequestError } from './request.js'
import { rowCount, tempOutbox, type TempOutbox } from './test-support/tempOutbox.js'

const content = await loadContent()
const base = { guide: 'cyber-crime-and-fraud', to: 'jo@example.com', origin: 'cli' as const }
let t: TempOutbox | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

async function refused(request: Promise<unknown>): Promise<AdviceEmailRequestError> {
  try {
    await request
  } catch (e) {
    expect(e).toBeInstanceOf(AdviceEmailRequestError)
    return e as AdviceEmailRequestError
  }
  throw new Error('expected the request to be refused')
}

describe('outbox.enqueue', () => {
  it('stores the request as queued with a Message-ID and the rendered message, showing the address only masked', async () => {
    t = await tempOutbox(content)
    const { id, created } = await t.outbox.enqueue(base)
    expect(created).toBe(true)
    const m = (await t.outbox.get(id))!
    expect(m).toMatchObject({ status: 'queued', to: 'j***@example.com', guide: 'cyber-crime-and-fraud', area: 'derbyshire', attempts: 0 })
    expect(m.messageId).toMatch(/^<[0-9a-f-]{36}@signpost\.invalid>$/)
    expect(JSON.stringify(m)).not.toContain('jo@example.com')
    const stored = t.outbox.db.prepare('SELECT m.channel, s.data FROM messages m JOIN snapshots s ON s.hash = m.render_hash WHERE m.id = ?').get(id) as {
      channel: string
      data: string
    }
    expect(stored.channel).toBe('email')
    const row = JSON.parse(stored.data) as { subject: string; html: string; text: string }
    expect(row.subject).toContain('Cyber Crime and Fraud')
    expect(row.text).toContain('0800 612 6505')
  })

  it('creates nothing new for an idempotency key already used with the same request, and refuses it with another', async () => {
    t = await tempOutbox(content)
    const first = await t.outbox.enqueue({ ...base, idempotencyKey: 'case-123' })
    expect(await t.outbox.enqueue({ ...base, idempotencyKey: 'case-123' })).toEqual({ id: first.id, created: false })
    await expect(t!.outbox.enqueue({ ...base, idempotencyKey: 'case-123', to: 'other@example.com' })).rejects.toThrow(IdempotencyConflictError)
    await expect(t!.outbox.enqueue({ ...base, idempotencyKey: 'case-123', attachLeaflet: true })).rejects.toThrow(/already used for a different request/)
    expect(rowCount(t.outbox)).toBe(1)
    // The key is kept only as a digest.
    const stored = t.outbox.db.prepare('SELECT idempotency_key, request_digest FROM messages').get() as { idempotency_key: string; request_digest: string }
    expect(stored.idempotency_key).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.request_digest).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['a CR/LF in the address', { to: 'jo@example.com\r\nBcc: all@example.com' }, 'to', /line break/],
    ['a LF in the name', { name: 'Jo\nBcc: all@example.com' }, 'name', /line break/],
    ['an invalid address', { to: 'not-an-address' }, 'to', /not a valid email address/],
    ['an unknown guide', { guide: 'no-such-guide' }, 'guide', /Unknown guide "no-such-guide".*cyber-crime-and-fraud/],
    ['an unknown area', { area: 'atlantis' }, 'area', /Unknown area "atlantis"/],
    ['a CR in the idempotency key', { idempotencyKey: 'a\rb' }, 'idempotencyKey', /printable/],
  ])('refuses %s with a clear error and queues nothing', async (_what, change, field, message) => {
    t = await tempOutbox(content)
    const e = await refused(t.outbox.enqueue({ ...base, ...change }))
    expect(e.field).toBe(field)
    expect(e.message).toMatch(message)
    expect(rowCount(t.outbox)).toBe(0)
  })

  it('limits requests per recipient (any letter case) and says when to try again', async () => {
    t = await tempOutbox(content, { recipientLimit: { limit: 3, windowMs: 60 * 60 * 1000 } })
    for (let i = 0; i < 3; i++) await t.outbox.enqueue(base)
    await expect(t!.outbox.enqueue({ ...base, to: 'JO@example.com' })).rejects.toThrow(RateLimitError)
    let limited: unknown
    try {
      await t.outbox.enqueue(base)
    } catch (e) {
      limited = e
    }
    expect(limited).toBeInstanceOf(RateLimitError)
    expect((limited as RateLimitError).message).toContain('j***@example.com')
    expect((limited as RateLimitError).retryAfterMs).toBeGreaterThan(0)
    expect(rowCount(t.outbox)).toBe(3)
    await t.outbox.enqueue({ ...base, to: 'someone-else@example.com' })
    t.clock.advance(60 * 60 * 1000 + 1)
    expect((await t.outbox.enqueue(base)).created).toBe(true)
  })
})

describe('outbox states', () => {
  it('retries 4xx and network errors with exponential back-off, fails 5xx at once and keeps the reply', async () => {
    t = await tempOutbox(content, { retry: { baseMs: 1000, capMs: 5000, maxAttempts: 10 } })
    const a = (await t.outbox.enqueue(base)).id
    const b = (await t.outbox.enqueue({ ...base, to: 'b@example.com' })).id
    expect((await t.outbox.claim(10)).map((m) => m.id).sort()).toEqual([a, b].sort())
    expect(await t.outbox.claim(10)).toEqual([])
    expect(await t.outbox.recordFailure(a, { permanent: false, responseCode: 451, message: '451 try later' })).toBe('retrying')
    expect(await t.outbox.recordFailure(b, { permanent: true, responseCode: 550, message: '550 no such user' })).toBe('failed')
    expect(await t.outbox.get(b)).toMatchObject({ status: 'failed', lastResponseCode: 550, lastError: '550 no such user', attempts: 1 })
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      const next = Date.parse((await t.outbox.get(a))!.nextAttemptAt!)
      delays.push(next - t.clock.now)
      expect(await t.outbox.claim(10)).toEqual([])
      t.clock.now = next
      expect((await t.outbox.claim(10)).map((m) => m.id)).toEqual([a])
      await t.outbox.recordFailure(a, { permanent: false, message: 'ECONNREFUSED' })
    }
    expect(delays).toEqual([1000, 2000, 4000, 5000])
    expect(await t.outbox.claim(10)).toEqual([])
  })

  it('gives up after the most attempts allowed, and stays visible', async () => {
    t = await tempOutbox(content, { retry: { baseMs: 1, capMs: 1, maxAttempts: 2 } })
    const id = (await t.outbox.enqueue(base)).id
    await t.outbox.claim(1)
    await t.outbox.recordFailure(id, { permanent: false, message: 'ECONNREFUSED' })
    t.clock.advance(10)
    await t.outbox.claim(1)
    expect(await t.outbox.recordFailure(id, { permanent: false, message: 'ECONNREFUSED' })).toBe('failed')
    expect((await t.outbox.get(id))!.lastError).toMatch(/Gave up after 2 attempts.*ECONNREFUSED/)
    expect((await t.outbox.retry(id)).status).toBe('retrying')
    expect((await t.outbox.claim(1)).map((m) => m.id)).toEqual([id])
  })

  it('takes back a message left in "sending" by a worker that is gone, with the same Message-ID', async () => {
    t = await tempOutbox(content, { leaseMs: 60_000 })
    const id = (await t.outbox.enqueue(base)).id
    const before = (await t.outbox.get(id))!.messageId
    await t.outbox.claim(1, { workerId: 'some-other-host:1' })
    expect(await t.outbox.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 0 }) // another host's worker may still be sending it
    t.clock.advance(60_001)
    expect(await t.outbox.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 1 })
    const again = await t.outbox.claim(1)
    expect(again.map((m) => m.messageId)).toEqual([before])
  })

  it('keeps a claim its worker renews, however long past the lease the send takes, and says when a claim was lost', async () => {
    t = await tempOutbox(content, { leaseMs: 60_000 })
    const id = (await t.outbox.enqueue(base)).id
    await t.outbox.claim(1, { workerId: 'some-other-host:1' })
    for (let i = 0; i < 5; i++) {
      t.clock.advance(30_000)
      expect(await t.outbox.renewClaims([id], 'some-other-host:1')).toEqual([])
      expect(await t.outbox.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 0 })
    }
    expect((await t.outbox.get(id))!.status).toBe('sending')
    t.clock.advance(60_001)
    expect(await t.outbox.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 1 })
    expect(await t.outbox.renewClaims([id], 'some-other-host:1')).toEqual([id])
  })
})

describe('outbox.purge', () => {
  it('erases addresses only of messages finished longer ago than the retention period', async () => {
    t = await tempOutbox(content, { retentionDays: 30 })
    const sent = (await t.outbox.enqueue(base)).id
    const failed = (await t.outbox.enqueue({ ...base, to: 'f@example.com' })).id
    const waiting = (await t.outbox.enqueue({ ...base, to: 'w@example.com' })).id
    await t.outbox.claim(3)
    await t.outbox.markSent(sent, { where: 'x', response: '250' })
    await t.outbox.recordFailure(failed, { permanent: true, responseCode: 550, message: '550' })
    await t.outbox.recordFailure(waiting, { permanent: false, message: 'ECONNREFUSED' })
    const address = (id: string) => (t!.outbox.db.prepare('SELECT to_address FROM messages WHERE id = ?').get(id) as { to_address: string | null }).to_address
    t.clock.advance(29 * 24 * 3600 * 1000)
    expect((await t.outbox.purge()).erased).toBe(0)
    t.clock.advance(1 * 24 * 3600 * 1000 + 1)
    expect(await t.outbox.purge()).toEqual({ erased: 2, walCleared: true })
    expect(address(sent)).toBeNull()
    expect(address(failed)).toBeNull()
    expect(address(waiting)).toBe('w@example.com')
    expect(await t.outbox.get(sent)).toMatchObject({ to: 'j***@example.com', purged: true, status: 'sent' })
    await expect(t!.outbox.retry(failed)).rejects.toThrow(/erased/)
    const dump = JSON.stringify(t.outbox.db.prepare('SELECT * FROM messages WHERE id IN (?, ?)').all(sent, failed))
    expect(dump).not.toMatch(/jo@example\.com|f@example\.com/)
  })
})

describe('outbox.purge on disk', () => {
  it('leaves no address or name of a purged message in the raw bytes of the database file or its WAL', async () => {
    t = await tempOutbox(content, { retentionDays: 1 })
    const path = join(t.dir, 'outbox.sqlite')
    const raw = () => Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')
    const purged = [
      { to: 'Sent.Person@example.com', name: 'Oluwaseun Abernathy', idempotencyKey: 'crm-secret-key-991' },
      { to: 'refused.person@example.com', name: 'Zainab Qureshi-Hartley' },
    ]
    const [sent, refused] = await Promise.all(purged.map(async (p) => (await t!.outbox.enqueue({ ...base, ...p })).id))
    const kept = (await t.outbox.enqueue({ ...base, to: 'still.waiting@example.com', name: 'Kept Waiting' })).id
    await t.outbox.claim(3)
    await t.outbox.markSent(sent!, { where: 'smtp', response: '250 OK' })
    await t.outbox.recordFailure(refused!, {
      permanent: true,
      responseCode: 550,
      message: '550 5.1.1 <refused.person@example.com>: Recipient address rejected (Zainab Qureshi-Hartley)',
    })
    await t.outbox.recordFailure(kept, { permanent: false, responseCode: 451, message: '451 4.7.1 <still.waiting@example.com> greylisted, try later' })
    // Before purge: the reply is kept with the address masked and the name gone; the key only as a digest.
    expect((await t.outbox.get(refused!))!.lastError).toBe('550 5.1.1 <r***@example.com>: Recipient address rejected ([recipient])')
    expect((await t.outbox.get(kept))!.lastError).toBe('451 4.7.1 <s***@example.com> greylisted, try later')
    const before = raw()
    expect(before).toContain('refused.person@example.com') // still needed for a retry until the retention period ends
    expect(before).toContain('Oluwaseun Abernathy')
    expect(before).not.toContain('crm-secret-key-991')

    t.clock.advance(2 * 24 * 3600 * 1000)
    expect(await t.outbox.purge()).toEqual({ erased: 2, walCleared: true })
    const after = raw()
    for (const p of purged) {
      for (const s of [p.to, p.to.toLowerCase(), p.name, p.idempotencyKey ?? p.name]) expect(after, s).not.toContain(s)
    }
    expect(after).not.toMatch(/sent\.person@|refused\.person@|Qureshi|Abernathy/i)
    expect(after).toContain('still.waiting@example.com') // not yet due: the raw read does see live rows
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0)
  })
})

// The messages table as schema 2 made it (before api_client), frozen here: outboxes of that version must still open.
const SCHEMA_2_MESSAGES = `
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed')),
  origin TEXT NOT NULL,
  guide TEXT NOT NULL,
  area TEXT,
  attach_leaflet INTEGER NOT NULL DEFAULT 0,
  neutral INTEGER NOT NULL DEFAULT 0,
  to_address TEXT,
  to_name TEXT,
  recipient_key TEXT,
  to_masked TEXT NOT NULL,
  idempotency_key TEXT,
  message_id TEXT NOT NULL UNIQUE,
  render_hash TEXT,
  leaflet_hash TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_response_code INTEGER,
  delivered_to TEXT,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  claimed_at INTEGER,
  sent_at INTEGER,
  finished_at INTEGER,
  purged_at INTEGER
);
CREATE UNIQUE INDEX messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
PRAGMA user_version = 2;
`

describe('an outbox made by an older version', () => {
  const CLIENT = '0123456789abcdef'
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  function oldOutbox(version: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-email-old-'))
    dirs.push(dir)
    const path = join(dir, 'outbox.sqlite')
    const db = new Database(path)
    db.exec(SCHEMA_2_MESSAGES)
    db.pragma(`user_version = ${version}`)
    const insert = db.prepare(
      `INSERT INTO messages (id, status, origin, guide, to_address, recipient_key, to_masked, idempotency_key, message_id, created_at, next_attempt_at)
       VALUES (?, ?, ?, 'cyber-crime-and-fraud', ?, ?, ?, ?, ?, 1, 1)`,
    )
    insert.run('cli-1', 'sent', 'cli', 'jo@example.com', 'jo@example.com', 'j***@example.com', null, '<cli-1@signpost.invalid>')
    insert.run('api-1', 'queued', 'api', 'ann@example.com', 'ann@example.com', 'a***@example.com', `api:${CLIENT}:case-1`, '<api-1@signpost.invalid>')
    insert.run('api-2', 'queued', 'api', 'bo@example.com', 'bo@example.com', 'b***@example.com', null, '<api-2@signpost.invalid>')
    db.close()
    return path
  }

  it('migrates schema 2 when opened: every row still reads, and API rows with a scoped idempotency key keep their owner', async () => {
    const path = oldOutbox(2)
    const outbox = await openOutbox({ path, content, env: {} })
    try {
      expect(outbox.db.pragma('user_version', { simple: true })).toBe(6)
      expect((await outbox.list()).map((m) => m.id).sort()).toEqual(['api-1', 'api-2', 'cli-1'])
      expect(await outbox.get('cli-1')).toMatchObject({ status: 'sent', origin: 'cli', to: 'j***@example.com' })
      expect(await outbox.get('api-1')).toMatchObject({ status: 'queued', origin: 'api', messageId: '<api-1@signpost.invalid>' })
      expect(await outbox.getForApiClient('api-1', CLIENT)).toMatchObject({ id: 'api-1' })
      expect(await outbox.getForApiClient('api-1', 'fedcba9876543210')).toBeUndefined()
      // No idempotency key, so no known owner: not readable over the API, still delivered.
      expect(await outbox.getForApiClient('api-2', CLIENT)).toBeUndefined()
      expect(await outbox.getForApiClient('cli-1', CLIENT)).toBeUndefined()
      expect(await outbox.enqueue({ ...base, origin: 'api', idempotencyKey: 'case-1' }, { apiClient: CLIENT })).toEqual({ id: 'api-1', created: false })
      expect((await outbox.claim(10)).map((m) => m.id).sort()).toEqual(['api-1', 'api-2'])
    } finally {
      await outbox.close()
    }
    // Opened again, it is already at the current schema.
    const again = await openOutbox({ path, content, env: {} })
    expect(await again.getForApiClient('api-1', CLIENT)).toMatchObject({ id: 'api-1', status: 'sending' })
    await again.close()
  })

  it('migrates schema 3: idempotency keys become digests, stored replies lose their addresses, and the file keeps neither', async () => {
    const path = oldOutbox(2)
    const db = new Database(path)
    db.exec("ALTER TABLE messages ADD COLUMN api_client TEXT; UPDATE messages SET api_client = '0123456789abcdef' WHERE id = 'api-1'")
    db.prepare("UPDATE messages SET status = 'failed', last_error = ?, idempotency_key = 'cli-key-77' WHERE id = 'cli-1'").run(
      '550 5.1.1 <jo@example.com> unknown; also <other.person@example.org>',
    )
    db.pragma('user_version = 3')
    db.close()
    const outbox = await openOutbox({ path, content, env: {} })
    try {
      expect(outbox.db.pragma('user_version', { simple: true })).toBe(6)
      expect((await outbox.get('cli-1'))!.lastError).toBe('550 5.1.1 <j***@example.com> unknown; also <o***@example.org>')
      const keys = outbox.db.prepare('SELECT idempotency_key FROM messages WHERE idempotency_key IS NOT NULL').all() as { idempotency_key: string }[]
      expect(keys.map((k) => k.idempotency_key)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)])
      // A key from before has no request digest to compare, so it is answered as it always was.
      expect(await outbox.enqueue({ ...base, to: 'someone@example.com', idempotencyKey: 'cli-key-77' })).toEqual({ id: 'cli-1', created: false })
      expect(await outbox.enqueue({ ...base, origin: 'api', idempotencyKey: 'case-1' }, { apiClient: CLIENT })).toEqual({ id: 'api-1', created: false })
    } finally {
      await outbox.close()
    }
    const bytes = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')
    expect(bytes).not.toContain('cli-key-77')
    expect(bytes).not.toContain('other.person@example.org')
  })

  it('still refuses an outbox of a schema it cannot migrate', async () => {
    const path = oldOutbox(1)
    await expect(openOutbox({ path, content, env: {} })).rejects.toThrow(/schema 1, this one needs 6/)
  })
})
