// The PostgreSQL queue's versioned schema migrations, for the Umzug runner in ./migrations.ts: the list (SQL in
// ./postgresMigrations/), the log table Umzug reads and writes (signpost_migrations), and the advisory lock that makes
// two processes starting at once apply each migration once. Each migration runs in its own transaction together with
// its line in the log, so a crash mid-migration leaves the schema as it was before it (PostgreSQL's DDL is
// transactional) and the next start tries again.
import type { Pool, PoolClient } from 'pg'
import { pendingOf, runMigrations, type QueueMigration, type UmzugStorage } from './migrations.js'
import { MESSAGES_SQL } from './postgresMigrations/0001-messages.js'
import type { MigrationReport } from './store.js'

/** The context every migration and the log get: one connection, which holds the migration lock. */
export type PostgresMigrationContext = { client: PoolClient; now: () => number }

const LOG_TABLE = `CREATE TABLE IF NOT EXISTS signpost_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)`

const sqlMigration = (name: string, sql: string): QueueMigration<PostgresMigrationContext> => ({
  name,
  async up({ client, now }) {
    await client.query('BEGIN')
    try {
      await client.query(sql)
      await client.query('INSERT INTO signpost_migrations (name, applied_at) VALUES ($1, $2)', [name, now()])
      await client.query('COMMIT')
    } catch (e) {
      await client.query('ROLLBACK')
      throw new Error(`PostgreSQL migration ${name} failed and was rolled back: ${(e as Error).message}`, { cause: e })
    }
  },
})

/** Every migration, in the order applied. A released one is never edited: a change is a new one at the end. */
export const postgresMigrations: readonly QueueMigration<PostgresMigrationContext>[] = [sqlMigration('0001-messages', MESSAGES_SQL)]

/** Umzug's log, in the database itself. Each migration writes its own line in its transaction, so logMigration only makes sure. */
export const postgresMigrationStorage: UmzugStorage<PostgresMigrationContext> = {
  async executed({ context }) {
    await context.client.query(LOG_TABLE)
    const { rows } = await context.client.query<{ name: string }>('SELECT name FROM signpost_migrations ORDER BY name')
    return rows.map((r) => r.name)
  },
  async logMigration({ name, context }) {
    await context.client.query('INSERT INTO signpost_migrations (name, applied_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, context.now()])
  },
  async unlogMigration({ name, context }) {
    await context.client.query('DELETE FROM signpost_migrations WHERE name = $1', [name])
  },
}

// pg_advisory_lock(classid, objid): "Sign" and 1, the queue's schema. Held on one session while migrating.
const MIGRATION_LOCK = [0x5369676e, 1]

/** Runs `fn` on one connection that holds the migration lock (waiting for another process that holds it). */
async function withMigrationLock<T>(pool: Pool, now: () => number, fn: (context: PostgresMigrationContext) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  // A session lock lasts as long as the connection: if unlocking fails, the connection is closed (which releases it)
  // rather than returned to the pool still holding it, where it would keep every other process waiting.
  let broken: Error | undefined
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', MIGRATION_LOCK)
    try {
      return await fn({ client, now })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', MIGRATION_LOCK).catch((e: unknown) => (broken = e as Error))
    }
  } finally {
    client.release(broken ?? false)
  }
}

/**
 * Applies the migrations this database has not had yet. Refuses a database whose log names a migration this version
 * does not know (made by a newer Signpost), as the SQLite outbox refuses a newer file.
 */
export async function migratePostgres(pool: Pool, now: () => number): Promise<MigrationReport> {
  return withMigrationLock(pool, now, async (context) => {
    await refuseUnknown(context)
    return runMigrations({ migrations: postgresMigrations, context, storage: postgresMigrationStorage })
  })
}

/** The names of the migrations not yet applied. */
export async function pendingPostgresMigrations(pool: Pool, now: () => number): Promise<string[]> {
  return withMigrationLock(pool, now, async (context) => {
    await refuseUnknown(context)
    return pendingOf({ migrations: postgresMigrations, context, storage: postgresMigrationStorage })
  })
}

async function refuseUnknown(context: PostgresMigrationContext): Promise<void> {
  const known = new Set(postgresMigrations.map((m) => m.name))
  const unknown = (await postgresMigrationStorage.executed({ context })).filter((n) => !known.has(n))
  if (unknown.length > 0) {
    throw new Error(
      `The queue's PostgreSQL schema was made by a newer version of Signpost (it has migration ${unknown.join(', ')}, which this version does not know). Run the newer version, or point DATABASE_URL at another database.`,
    )
  }
}
