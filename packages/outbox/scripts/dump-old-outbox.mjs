// Makes src/fixtures/outbox-f631dc7.sql: an outbox written by the queue as it was at commit f631dc7 (schema 6, before
// versioned migrations), with messages in every state, dumped as SQL text (a .sqlite file is never committed), so
// queue.sqlite.test.ts can check that such a file opens under the migrations and keeps every message.
// Usage: build packages/outbox of that commit somewhere (git archive f631dc7 packages/outbox | tar -x -C DIR; tsc -p
// tsconfig.build.json there), then: node scripts/dump-old-outbox.mjs DIR/packages/outbox/dist > src/fixtures/outbox-f631dc7.sql
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

const dist = resolve(process.argv[2] ?? '')
const { Queue } = await import(pathToFileURL(join(dist, 'index.js')).href)
const path = join(mkdtempSync(join(tmpdir(), 'old-outbox-')), 'outbox.sqlite')
let now = Date.parse('2026-11-20T09:00:00Z')
const queue = new Queue({ path, now: () => now, retry: { sms: { baseMs: 1000 } } })
const limit = { limit: 50, windowMs: 3_600_000, what: 'x' }
const email = (n, over = {}) => ({
  channel: 'email',
  origin: 'api',
  guide: 'cyber-crime-and-fraud',
  area: 'derbyshire',
  options: { attachLeaflet: n === 1, neutral: false },
  recipient: { address: `old${n}@example.com`, name: `Old Name ${n}`, key: `old${n}@example.com`, masked: 'o***@example.com' },
  requestDigest: `rd-${n}`,
  reference: `<old${n}@signpost.invalid>`,
  apiClient: 'client-old',
  limit,
  snapshot: { subject: 'Cyber Crime and Fraud', html: '<p dir="rtl">اردو</p>', text: 'Call 0800 612 6505' },
  ...over,
})
const text = (n, over = {}) => ({
  channel: 'sms',
  origin: 'cli',
  guide: 'cyber-crime-and-fraud',
  area: 'derbyshire',
  options: { neutral: true },
  recipient: { address: `+44770090090${n}`, key: `+44770090090${n}`, masked: `07*** ***90${n}` },
  requestDigest: `sd-${n}`,
  reference: `signpost-old-${n}`,
  limit,
  snapshot: { body: `Text ${n}` },
  ...over,
})
const queuedLeaflet = queue.enqueue(email(1, { idempotencyKey: 'api:client-old:case-1' })).id
queue.saveAttachment(queuedLeaflet, { fileName: 'cyber-crime-and-fraud.pdf', content: Buffer.from('%PDF-1.7\n\u0000\u00ff raw', 'latin1') })
now += 1000
const sent = queue.enqueue(email(2)).id
const failed = queue.enqueue(text(3)).id
const retrying = queue.enqueue(text(4)).id
const awaiting = queue.enqueue(text(5)).id
const cancelled = queue.enqueue(text(6)).id
for (const id of [sent, failed, retrying, awaiting]) queue.claim(1, { id })
const stuck = queue.enqueue(email(7)).id
queue.claim(1, { id: stuck }) // left in "sending" by a worker that then stopped
queue.markSent(sent, { where: 'smtp 127.0.0.1:2525', response: '250 ok' })
queue.recordFailure(failed, { permanent: true, message: 'Notify: +447700900903 is not a real number' })
queue.recordFailure(retrying, { permanent: false, message: 'busy' })
queue.markSent(awaiting, { where: 'GOV.UK Notify', providerId: 'notify-old-5', awaitingReceipt: true })
queue.cancel(cancelled, 'Sam Supervisor')
queue.close()

const db = new Database(path, { readonly: true })
const lit = (v) =>
  v === null
    ? 'NULL'
    : Buffer.isBuffer(v)
      ? `X'${v.toString('hex')}'`
      : typeof v === 'number' || typeof v === 'bigint'
        ? String(v)
        : `'${String(v).replaceAll("'", "''")}'`
const out = ['-- An outbox written by @signpost/outbox at commit f631dc7 (schema 6); made by scripts/dump-old-outbox.mjs.']
const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid").all()
for (const o of objects) out.push(`${o.sql};`)
for (const o of objects.filter((x) => x.type === 'table')) {
  for (const row of db.prepare(`SELECT * FROM ${o.name} ORDER BY rowid`).raw().all()) out.push(`INSERT INTO ${o.name} VALUES (${row.map(lit).join(', ')});`)
}
out.push(`PRAGMA user_version = ${db.pragma('user_version', { simple: true })};`)
db.close()
process.stdout.write(out.join('\n') + '\n')
