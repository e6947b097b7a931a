// Where the audit log is kept. One console: the console's own SQLite file (staffDb.ts), written before audit() returns.
// Several consoles (DATABASE_URL=postgres://…, as the queue): one table in that PostgreSQL (auditPostgres.ts), so a
// supervisor on any instance reads every instance's entries. audit() is called from synchronous guards, so the
// PostgreSQL store takes an entry at once and writes it in order a moment later, retrying until the database takes it.
import { isPostgresUrl } from '@signpost/outbox'
import { postgresAuditStore } from './auditPostgres'
import type { StaffDb } from './staffDb'

/** One entry as stored (the SQLite column names, which the CSV export keeps). */
export type AuditRow = {
  id: number
  at: string
  actor: string
  actor_name: string
  roles: string
  action: string
  outcome: string
  detail: string
  address: string | null
}

export type AuditRecord = Omit<AuditRow, 'id'>

export interface AuditStore {
  readonly backend: 'sqlite' | 'postgres'
  /** Takes the entry; SQLite has written it on return, PostgreSQL writes it in order shortly (see flush). */
  append(record: AuditRecord): void
  /** The newest `limit` entries, newest first (after every entry taken so far is written). */
  recent(limit: number): Promise<AuditRow[]>
  /** Every entry, oldest first. */
  all(): Promise<AuditRow[]>
  /** Resolves once every entry taken so far is in the database. */
  flush(): Promise<void>
  close(): Promise<void>
}

export function sqliteAuditStore(db: () => StaffDb): AuditStore {
  return {
    backend: 'sqlite',
    append(r) {
      db()
        .prepare('INSERT INTO audit (at, actor, actor_name, roles, action, outcome, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(r.at, r.actor, r.actor_name, r.roles, r.action, r.outcome, r.detail, r.address)
    },
    recent: async (limit) => db().prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[],
    all: async () => db().prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[],
    flush: async () => undefined,
    close: async () => undefined,
  }
}

/**
 * The store the environment chooses: PostgreSQL for DATABASE_URL=postgres://…, else SQLite. A DATABASE_URL that is not
 * a postgres:// URL is refused, as the queue refuses it (a typo must not split the log across machines' files).
 */
export function auditStoreFromEnv(db: () => StaffDb, env: NodeJS.ProcessEnv = process.env): AuditStore {
  const url = env.DATABASE_URL?.trim()
  if (!url) return sqliteAuditStore(db)
  if (!isPostgresUrl(url))
    throw new Error(
      `DATABASE_URL must be a postgres:// or postgresql:// URL (it starts "${url.slice(0, 12)}…"). Unset it to keep the audit log in the console's SQLite file.`,
    )
  return postgresAuditStore(url)
}
