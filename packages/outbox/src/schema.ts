// The queue's SQLite schema (the shape of its tables as schema 6), and the in-place steps that bring every older
// outbox file (the email-only outbox of schemas 2 to 4, the channel-neutral schema 5) to it. The versioned
// migrations in ./sqliteMigrations.ts apply them, in order, through Umzug.
import type Database from 'better-sqlite3'
import { keyDigest } from './digest.js'
import { maskRecipientsIn } from './redact.js'

// Schema 3 added messages.api_client. Schema 4 kept idempotency keys only as digests beside a digest of the request
// they came with, masked addresses inside stored server replies, and recorded the sender's display name with each
// rendering. Schema 5 makes the queue channel-neutral: every message has a channel and its options as JSON, renderings
// are stored as JSON snapshots, leaflets as attachments, and the provider's id and delivery receipt are kept.
// Schema 6 adds the final state 'cancelled' (a supervisor stopped a message before any worker took it) and who did it.
export const SCHEMA_VERSION = 6
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  hash TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attachments (
  hash TEXT PRIMARY KEY,
  file_name TEXT NOT NULL,
  content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('email','sms')),
  status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','retrying','failed','cancelled')),
  origin TEXT NOT NULL,
  guide TEXT NOT NULL,
  area TEXT,
  options TEXT NOT NULL DEFAULT '{}',
  to_address TEXT,
  to_name TEXT,
  recipient_key TEXT,
  to_masked TEXT NOT NULL,
  idempotency_key TEXT,
  request_digest TEXT,
  api_client TEXT,
  message_id TEXT NOT NULL UNIQUE,
  render_hash TEXT REFERENCES snapshots (hash),
  attachment_hash TEXT REFERENCES attachments (hash),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_response_code INTEGER,
  delivered_to TEXT,
  provider_id TEXT,
  receipt_status TEXT,
  receipt_at INTEGER,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  claimed_at INTEGER,
  sent_at INTEGER,
  finished_at INTEGER,
  cancelled_by TEXT,
  purged_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_idempotency ON messages (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_due ON messages (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS messages_recipient ON messages (recipient_key, created_at) WHERE recipient_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_finished ON messages (finished_at) WHERE to_address IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS messages_provider ON messages (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_awaiting ON messages (channel, sent_at) WHERE status = 'sent' AND finished_at IS NULL;
`

export const has = (db: Database.Database, table: string, column: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column)
export const tableExists = (db: Database.Database, table: string) =>
  db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', table) !== undefined

/**
 * Schema 2 → 3: adds the API client that created each message. Rows queued over the API with an idempotency key
 * already name their client ("api:<16 hex>:key"), so they stay readable by it; any other row has no API owner.
 */
export function migrateFrom2(db: Database.Database): void {
  if (has(db, 'messages', 'api_client')) return
  db.exec('ALTER TABLE messages ADD COLUMN api_client TEXT')
  db.exec(`UPDATE messages SET api_client = substr(idempotency_key, 5, 16) WHERE origin = 'api' AND idempotency_key GLOB 'api:${'[0-9a-f]'.repeat(16)}:*'`)
}

/**
 * Schema 3 → 4: idempotency keys become digests (with no request digest, so a repeat of an old key is answered as
 * before), server replies already stored get their addresses masked, renders gain the sender name.
 */
export function migrateFrom3(db: Database.Database): void {
  if (!has(db, 'messages', 'request_digest')) db.exec('ALTER TABLE messages ADD COLUMN request_digest TEXT')
  if (tableExists(db, 'renders') && !has(db, 'renders', 'sender_name')) db.exec('ALTER TABLE renders ADD COLUMN sender_name TEXT')
  type Old = { id: string; idempotency_key: string | null; last_error: string | null; to_address: string | null; to_name: string | null }
  const rows = db
    .prepare('SELECT id, idempotency_key, last_error, to_address, to_name FROM messages WHERE idempotency_key IS NOT NULL OR last_error IS NOT NULL')
    .all() as Old[]
  const update = db.prepare('UPDATE messages SET idempotency_key = ?, last_error = ? WHERE id = ?')
  for (const r of rows) {
    update.run(
      r.idempotency_key === null ? null : keyDigest(r.idempotency_key),
      r.last_error === null ? null : maskRecipientsIn(r.last_error, [r.to_address, r.to_name]),
      r.id,
    )
  }
}

/**
 * Schema 4 → 5: every existing message is an email. The table is rebuilt in the new shape (SQLite's way to change
 * columns): channel 'email', attach_leaflet and neutral become the email options, the leaflet becomes the attachment;
 * each rendering (subject, html, text, revision, sender name) becomes a JSON snapshot under the same hash.
 */
export function migrateFrom4(db: Database.Database): void {
  const renders = tableExists(db, 'renders')
  const leaflets = tableExists(db, 'leaflets')
  db.exec(messagesTableAs('messages_v5'))
  if (renders) {
    db.exec(`INSERT OR IGNORE INTO snapshots (hash, data)
      SELECT hash, json_object('subject', subject, 'html', html, 'text', text, 'revision', revision, 'senderName', sender_name) FROM renders`)
  }
  if (leaflets) db.exec('INSERT OR IGNORE INTO attachments (hash, file_name, content) SELECT hash, file_name, content FROM leaflets')
  const leafletHash = has(db, 'messages', 'leaflet_hash') ? 'leaflet_hash' : 'NULL'
  db.exec(`INSERT INTO messages_v5 (id, channel, status, origin, guide, area, options, to_address, to_name, recipient_key, to_masked,
      idempotency_key, request_digest, api_client, message_id, render_hash, attachment_hash, attempts, last_error, last_response_code,
      delivered_to, created_at, next_attempt_at, claimed_by, claimed_at, sent_at, finished_at, purged_at)
    SELECT id, 'email', status, origin, guide, area,
      json_object('attachLeaflet', json(CASE WHEN attach_leaflet = 1 THEN 'true' ELSE 'false' END), 'neutral', json(CASE WHEN neutral = 1 THEN 'true' ELSE 'false' END)),
      to_address, to_name, recipient_key, to_masked, idempotency_key, request_digest, api_client, message_id, render_hash, ${leafletHash},
      attempts, last_error, last_response_code, delivered_to, created_at, next_attempt_at, claimed_by, claimed_at, sent_at, finished_at, purged_at
    FROM messages`)
  db.exec('DROP TABLE messages')
  if (renders) db.exec('DROP TABLE renders')
  if (leaflets) db.exec('DROP TABLE leaflets')
  db.exec('ALTER TABLE messages_v5 RENAME TO messages')
}

/** The messages table as this version makes it, under another name (to copy rows into before a rename). */
const messagesTableAs = (name: string): string =>
  SCHEMA.replace('CREATE TABLE IF NOT EXISTS messages (', `CREATE TABLE ${name} (`).split('CREATE UNIQUE INDEX')[0] ?? ''

/**
 * Schema 5 → 6: the status CHECK gains 'cancelled' and a cancelled_by column is added. SQLite cannot change a CHECK in
 * place, so the table is rebuilt with every row as it was (the indexes are made again by SCHEMA). A table that
 * migrateFrom4 just made in the new shape is left alone.
 */
export function migrateFrom5(db: Database.Database): void {
  if (has(db, 'messages', 'cancelled_by')) return
  const columns = (db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name).join(', ')
  db.exec(messagesTableAs('messages_v6'))
  db.exec(`INSERT INTO messages_v6 (${columns}) SELECT ${columns} FROM messages`)
  db.exec('DROP TABLE messages')
  db.exec('ALTER TABLE messages_v6 RENAME TO messages')
}
