// The console's own SQLite file (STAFF_DB, default <repo>/var/staff.sqlite): sessions, sign-in transactions, which
// staff member queued which outbox message, and the audit log (which is in PostgreSQL instead when DATABASE_URL is
// set: auditStore.ts). The audit log holds masked addresses only, so it is kept when the outbox erases addresses (purge).
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { repoRoot } from '@signpost/outbox'

export type StaffDb = Database.Database

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY, sub TEXT NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL, csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sign_ins (
  state TEXT PRIMARY KEY, verifier TEXT NOT NULL, nonce TEXT NOT NULL, browser_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sends (
  message_id TEXT PRIMARY KEY, sub TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, actor_name TEXT NOT NULL, roles TEXT NOT NULL,
  action TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL, address TEXT);
`

export function defaultStaffDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.STAFF_DB || join(repoRoot(), 'var', 'staff.sqlite')
}

export function openStaffDb(path: string = defaultStaffDbPath()): StaffDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  return db
}
