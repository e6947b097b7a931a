// The SQLite queue's versioned migrations, applied by Umzug (./migrations.ts) at open and by the `migrate` command,
// each recorded in the file's own log table (signpost_migrations). A new file gets the tables in one step; an outbox
// made before the log existed (schemas 2 to 6, told apart by PRAGMA user_version as those versions wrote it) is
// brought up by the steps that applied to it, the others being recorded as nothing to do. Every step runs in one
// immediate transaction that looks at the log again, so two processes opening the same old file migrate it once.
import type Database from 'better-sqlite3'
import type { UmzugStorage } from 'umzug'
import type { QueueMigration } from './migrations.js'
import { migrateFrom2, migrateFrom3, migrateFrom4, migrateFrom5, SCHEMA, SCHEMA_VERSION, tableExists } from './schema.js'

export type SqliteMigrationContext = {
  db: Database.Database
  /** The file, for messages. */
  path: string
  now: () => number
  /** Set by a step that rewrote existing rows: the file is then rebuilt once (VACUUM), see migrateSqlite. */
  rewrote: boolean
}

const LOG_TABLE = 'CREATE TABLE IF NOT EXISTS signpost_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)'

/** Shared fixed-window counters (API keys, website clients), so every process on the file shares one allowance. */
export const RATE_LIMITS_SCHEMA = `
CREATE TABLE IF NOT EXISTS rate_limits (
  bucket TEXT NOT NULL,
  window_ms INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_ms, window_start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rate_limits_end ON rate_limits (window_start);
`

const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number

/**
 * A step of the log: runs `fn` and records `name` in one immediate transaction, unless another process recorded it
 * first. `fn` returns true when it rewrote rows that held personal data (so the old pages must not stay in the file).
 */
function step(name: string, fn: (db: Database.Database) => boolean): QueueMigration<SqliteMigrationContext> {
  return {
    name,
    up: async (ctx) => {
      const rewrote = ctx.db
        .transaction((): boolean => {
          ctx.db.exec(LOG_TABLE)
          if (ctx.db.prepare('SELECT 1 FROM signpost_migrations WHERE name = ?').get(name)) return false
          const r = fn(ctx.db)
          ctx.db.prepare('INSERT INTO signpost_migrations (name, applied_at) VALUES (?, ?)').run(name, ctx.now())
          return r
        })
        .immediate()
      if (rewrote) ctx.rewrote = true
    },
  }
}

/** A step for files from before the log: applies `fn` only to a file at schema `from` (as that version numbered it). */
const fromSchema = (from: number, fn: (db: Database.Database) => void) => (db: Database.Database) => {
  if (userVersion(db) !== from) return false
  fn(db)
  db.pragma(`user_version = ${from + 1}`)
  return true
}

export const sqliteMigrations: readonly QueueMigration<SqliteMigrationContext>[] = [
  // A new file: every table as schema 6 made them. A file that already has messages is left to the steps below.
  step('0001-create-outbox', (db) => {
    if (tableExists(db, 'messages')) return false
    db.exec(SCHEMA)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
    return false
  }),
  step('0002-api-client', fromSchema(2, migrateFrom2)),
  step('0003-key-digests', fromSchema(3, migrateFrom3)),
  step(
    '0004-channel-neutral',
    fromSchema(4, (db) => {
      migrateFrom4(db)
      db.exec(SCHEMA) // the indexes of the rebuilt table
    }),
  ),
  step(
    '0005-cancelled-state',
    fromSchema(5, (db) => {
      migrateFrom5(db)
      db.exec(SCHEMA)
    }),
  ),
  step('0006-rate-limits', (db) => {
    db.exec(RATE_LIMITS_SCHEMA)
    return false
  }),
]

/** Umzug's record of applied migrations, in the file itself. Logging happens inside each step's transaction (see step). */
export const sqliteMigrationStorage: UmzugStorage<SqliteMigrationContext> = {
  async executed({ context }) {
    if (!tableExists(context.db, 'signpost_migrations')) return []
    return (context.db.prepare('SELECT name FROM signpost_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name)
  },
  async logMigration({ name, context }) {
    context.db.exec(LOG_TABLE)
    context.db.prepare('INSERT OR IGNORE INTO signpost_migrations (name, applied_at) VALUES (?, ?)').run(name, context.now())
  },
  async unlogMigration({ name, context }) {
    context.db.prepare('DELETE FROM signpost_migrations WHERE name = ?').run(name)
  },
}

/**
 * Refuses a file this version cannot read, before anything is changed: an outbox from before the log whose schema it
 * does not know, or one whose log names migrations this version does not have (made by a newer Signpost).
 */
export function checkSqliteFile(db: Database.Database, path: string): void {
  const known = new Set(sqliteMigrations.map((m) => m.name))
  if (tableExists(db, 'signpost_migrations')) {
    const unknown = (db.prepare('SELECT name FROM signpost_migrations ORDER BY name').all() as { name: string }[])
      .map((r) => r.name)
      .filter((n) => !known.has(n))
    if (unknown.length > 0) {
      throw new Error(
        `The outbox ${path} was made by a newer version of Signpost (it has the migration${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which this one does not know). Update Signpost, or move the file aside or set EMAIL_DB.`,
      )
    }
    return
  }
  if (!tableExists(db, 'messages')) return
  const version = userVersion(db)
  if (version < 2 || version > SCHEMA_VERSION) {
    throw new Error(
      `The outbox ${path} was made by another version of Signpost (schema ${version}, this one needs ${SCHEMA_VERSION}). Move it aside or set EMAIL_DB.`,
    )
  }
}
