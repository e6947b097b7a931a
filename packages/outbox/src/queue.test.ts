// The one queue on its own: an email outbox of schema 4 migrates in place to the channel-neutral schema, and a worker
// hands each message to its own channel's renderer and transport (email and sms from one file).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { Queue, type EnqueueInput } from './queue.js'
import { createQueueWorker, type ChannelHandler } from './worker.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-queue-'))
  dirs.push(dir)
  return join(dir, 'outbox.sqlite')
}

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

const sms = (over: Partial<EnqueueInput> = {}): EnqueueInput => ({
  channel: 'sms',
  origin: 'cli',
  guide: 'cyber-crime-and-fraud',
  area: 'derbyshire',
  options: { neutral: false },
  recipient: { address: '+447700900123', key: '+447700900123', masked: '07*** ***123' },
  requestDigest: 'd1',
  reference: 'ref-1',
  snapshot: { body: 'Hello' },
  limit: { limit: 5, windowMs: 3_600_000, what: 'advice texts' },
  ...over,
})

describe('an email outbox of schema 4', () => {
  it('migrates in place: each message becomes an email with its options, its rendering a snapshot and its leaflet an attachment', () => {
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

    const queue = new Queue({ path })
    try {
      expect(queue.db.pragma('user_version', { simple: true })).toBe(6)
      expect(queue.get('m1')).toMatchObject({
        channel: 'email',
        status: 'queued',
        to: 'j***@example.com',
        reference: '<m1@signpost.invalid>',
        options: { attachLeaflet: true, neutral: true },
      })
      const [claimed] = queue.claim(5, { channels: ['email'] })
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
      expect(tables).toEqual(['attachments', 'messages', 'snapshots'])
    } finally {
      queue.close()
    }
    expect(existsSync(path)).toBe(true)
    expect(readFileSync(path).toString('latin1')).not.toContain('CREATE TABLE renders')
  })
})

describe('one queue, several channels', () => {
  it('hands each message to its own channel and claims nothing for a channel the worker does not have', async () => {
    const queue = new Queue({ path: tempPath() })
    const sent: string[] = []
    const channel = (name: string): ChannelHandler => ({
      referenceName: 'reference',
      prepare: async (m) => m,
      send: async (m) => {
        sent.push(`${name}:${m.reference}:${JSON.stringify(m.snapshot)}`)
        return { where: name }
      },
      classify: (e) => ({ permanent: false, message: String(e) }),
    })
    const text = queue.enqueue(sms()).id
    const mail = queue.enqueue({
      ...sms({ reference: '<e1@x>', snapshot: { subject: 's' } }),
      channel: 'email',
      recipient: { address: 'jo@example.com', key: 'jo@example.com', masked: 'j***@example.com' },
    }).id
    const emailOnly = createQueueWorker({ queue, channels: { email: channel('email') }, log: () => {} })
    expect(await emailOnly.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(queue.get(text)?.status).toBe('queued')
    const both = createQueueWorker({ queue, channels: { email: channel('email'), sms: channel('sms') }, log: () => {} })
    expect(await both.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(sent).toEqual(['email:<e1@x>:{"subject":"s"}', 'sms:ref-1:{"body":"Hello"}'])
    expect(queue.get(mail)?.channel).toBe('email')
    expect(queue.counts({ channel: 'sms' })).toMatchObject({ sent: 1, queued: 0 })
    queue.close()
  })

  it('keeps a number out of stored replies and a sent text open until its receipt; a temporary failure sends it again', () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const queue = new Queue({ path: tempPath(), now: () => now, retry: { sms: { baseMs: 1000 } } })
    const id = queue.enqueue(sms()).id
    queue.claim(1)
    expect(queue.recordFailure(id, { permanent: false, message: 'Notify said +447700900123 and 07700 900456 were busy' })).toBe('retrying')
    expect(queue.get(id)?.lastError).toBe('Notify said 07*** ***123 and 07*** ***456 were busy')
    now += 1000
    queue.claim(1)
    queue.markSent(id, { where: 'GOV.UK Notify', providerId: 'n-1', awaitingReceipt: true })
    expect(queue.get(id)).toMatchObject({ status: 'sent', providerId: 'n-1' })
    expect(queue.get(id)?.finishedAt).toBeUndefined()
    expect(queue.recordReceipt('n-1', { status: 'temporary-failure', outcome: 'retry', reason: 'phone off' })).toMatchObject({
      status: 'retrying',
      receipt: { status: 'temporary-failure' },
    })
    now += 5000
    const [again] = queue.claim(1)
    expect(again?.reference).toBe('ref-1')
    queue.markSent(id, { where: 'GOV.UK Notify', providerId: 'n-2', awaitingReceipt: true })
    expect(queue.recordReceipt('n-1', { status: 'delivered', outcome: 'delivered' })).toBeUndefined() // an old attempt's receipt changes nothing
    expect(queue.get(id)?.finishedAt).toBeUndefined()
    expect(queue.recordReceipt('n-2', { status: 'delivered', outcome: 'delivered' })).toMatchObject({ status: 'sent', receipt: { status: 'delivered' } })
    expect(queue.get(id)?.finishedAt).toBeDefined()
    queue.close()
  })

  it("erases a text's number after retention, from the file too, only once its delivery has ended", () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const path = tempPath()
    const queue = new Queue({ path, now: () => now, retentionMs: 24 * 3600 * 1000 })
    const done = queue.enqueue(sms({ recipient: { address: '+447700900111', key: '+447700900111', masked: '07*** ***111' }, reference: 'r-done' })).id
    const waiting = queue.enqueue(sms({ recipient: { address: '+447700900222', key: '+447700900222', masked: '07*** ***222' }, reference: 'r-wait' })).id
    queue.claim(2)
    queue.markSent(done, { where: 'GOV.UK Notify', providerId: 'n-done', awaitingReceipt: true })
    queue.markSent(waiting, { where: 'GOV.UK Notify', providerId: 'n-wait', awaitingReceipt: true })
    queue.recordReceipt('n-done', { status: 'delivered', outcome: 'delivered' })
    now += 2 * 24 * 3600 * 1000
    expect(queue.purge()).toEqual({ erased: 1, walCleared: true })
    const raw = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')
    expect(raw).not.toContain('+447700900111')
    expect(raw).toContain('+447700900222') // still waiting for its receipt
    expect(queue.get(done)).toMatchObject({ purged: true, to: '07*** ***111' })
    queue.close()
  })
})

describe('cancelling a message', () => {
  const text = (n: number): EnqueueInput =>
    sms({ recipient: { address: `+44770090010${n}`, key: `+44770090010${n}`, masked: `07*** ***10${n}` }, reference: `r-${n}` })
  const recording = (sent: string[]): ChannelHandler => ({
    referenceName: 'reference',
    prepare: async (m) => m,
    send: async (m) => {
      sent.push(m.reference)
      return { where: 'test' }
    },
    classify: (e) => ({ permanent: false, message: String(e) }),
  })

  it('cancels a queued message and a retrying one: both end cancelled, no worker ever claims or sends them, and retry refuses them', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const queue = new Queue({ path: tempPath(), now: () => now, retry: { sms: { baseMs: 1000 } } })
    const queued = queue.enqueue(text(1)).id
    const waiting = queue.enqueue(text(2)).id
    const kept = queue.enqueue(text(3)).id
    queue.claim(1, { id: waiting })
    queue.recordFailure(waiting, { permanent: false, message: 'busy' })
    expect(queue.get(waiting)?.status).toBe('retrying')

    const a = queue.cancel(queued, 'Sam Supervisor')
    expect(a).toMatchObject({ cancelled: true, message: { id: queued, status: 'cancelled', cancelledBy: 'Sam Supervisor' } })
    expect(queue.cancel(waiting, 'Sam Supervisor')).toMatchObject({ cancelled: true, message: { status: 'cancelled' } })
    expect(queue.get(queued)?.finishedAt).toBeDefined()
    expect(queue.get(queued)?.nextAttemptAt).toBeUndefined()

    now += 60_000
    expect(queue.claim(10, { id: queued })).toEqual([])
    const sent: string[] = []
    const worker = createQueueWorker({ queue, channels: { sms: recording(sent) }, log: () => {} })
    expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(sent).toEqual(['r-3'])
    expect(queue.get(kept)?.status).toBe('sent')
    expect(queue.counts()).toEqual({ queued: 0, sending: 0, sent: 1, retrying: 0, failed: 0, cancelled: 2 })
    expect(
      queue
        .list({ status: 'cancelled' })
        .map((m) => m.id)
        .sort(),
    ).toEqual([queued, waiting].sort())
    expect(() => queue.retry(queued)).toThrow(`Message ${queued} was cancelled by Sam Supervisor; a cancelled message is never sent.`)
    expect(queue.cancel(queued, 'someone else')).toEqual({
      cancelled: false,
      status: 'cancelled',
      reason: `Message ${queued} was not cancelled: it was already cancelled by Sam Supervisor.`,
    })
    queue.close()
  })

  it('refuses a message another worker has already claimed (being sent), saying so, and leaves it to be sent', () => {
    const path = tempPath()
    const site = new Queue({ path })
    const workerSide = new Queue({ path })
    const id = site.enqueue(text(1)).id
    // The worker's connection takes it first; the site's cancel, on its own connection, then finds it being sent.
    expect(workerSide.claim(1, { workerId: 'other-host:1' }).map((m) => m.id)).toEqual([id])
    expect(site.cancel(id, 'Sam Supervisor')).toEqual({
      cancelled: false,
      status: 'sending',
      reason: `Message ${id} was not cancelled: it is being sent right now, so it can no longer be stopped.`,
    })
    expect(site.get(id)).toMatchObject({ status: 'sending', cancelledBy: undefined })
    workerSide.markSent(id, { where: 'test' })
    expect(site.get(id)?.status).toBe('sent')
    // And the other way round: cancelled first, the worker's claim gets nothing.
    const second = site.enqueue(text(2)).id
    expect(site.cancel(second, 'Sam Supervisor').cancelled).toBe(true)
    expect(workerSide.claim(5, { workerId: 'other-host:1' })).toEqual([])
    workerSide.close()
    site.close()
  })

  it('refuses a sent, a failed and an unknown message with their state in plain words', () => {
    const queue = new Queue({ path: tempPath() })
    const sent = queue.enqueue(text(1)).id
    const failed = queue.enqueue(text(2)).id
    queue.claim(2)
    queue.markSent(sent, { where: 'test' })
    queue.recordFailure(failed, { permanent: true, message: 'no such number' })
    expect(queue.cancel(sent, 'Sam')).toEqual({ cancelled: false, status: 'sent', reason: `Message ${sent} was not cancelled: it was already sent.` })
    expect(queue.cancel(failed, 'Sam')).toEqual({
      cancelled: false,
      status: 'failed',
      reason: `Message ${failed} was not cancelled: it already failed and will not be sent.`,
    })
    expect(queue.cancel('no-such-id', 'Sam')).toEqual({ cancelled: false, reason: 'No message with id no-such-id.' })
    // An email door asking about a text does not find it.
    const other = queue.enqueue(text(3)).id
    expect(queue.cancel(other, 'Sam', { channel: 'email' })).toEqual({ cancelled: false, reason: `No message with id ${other}.` })
    expect(queue.get(other)?.status).toBe('queued')
    queue.close()
  })

  it("erases a cancelled message's number after retention, from the file too", () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const path = tempPath()
    const queue = new Queue({ path, now: () => now, retentionMs: 24 * 3600 * 1000 })
    const id = queue.enqueue(text(7)).id
    queue.cancel(id, 'Sam')
    expect(queue.purge().erased).toBe(0) // not yet past retention
    now += 2 * 24 * 3600 * 1000
    expect(queue.purge()).toEqual({ erased: 1, walCleared: true })
    const raw = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')
    expect(raw).not.toContain('+447700900107')
    expect(queue.get(id)).toMatchObject({ status: 'cancelled', purged: true, to: '07*** ***107' })
    queue.close()
  })

  it('migrates a schema 5 queue in place: every row kept, and a queued one can then be cancelled', () => {
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
    const queue = new Queue({ path })
    try {
      expect(queue.db.pragma('user_version', { simple: true })).toBe(6)
      expect(queue.get('f1')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'no such number', providerId: 'n-9', options: { neutral: true } })
      expect(queue.cancel('q1', 'Sam')).toMatchObject({ cancelled: true, message: { status: 'cancelled' } })
      const indexes = (
        queue.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' AND name LIKE 'messages_%'").all() as { name: string }[]
      ).map((i) => i.name)
      expect(indexes).toContain('messages_due')
      expect(indexes).toContain('messages_idempotency')
    } finally {
      queue.close()
    }
  })
})
