// The audit log in PostgreSQL (DATABASE_URL), shared by every console instance: table staff_audit, made by versioned
// migrations (Umzug; its log is the table staff_migrations) under an advisory lock, so consoles starting together
// migrate once. Entries are taken at once and written in order by one writer; while the database is unreachable they
// wait in memory and are retried (each is also a line on the console's log already), so none is dropped silently.
import type { Pool, PoolClient } from 'pg'
import type { AuditRecord, AuditRow, AuditStore } from './auditStore'

type Migration = { name: string; sql: string }

/** Every migration, in order. A released one is never edited: a change is a new one at the end. */
export const AUDIT_MIGRATIONS: readonly Migration[] = [
  {
    name: '0001-staff-audit',
    sql: `CREATE TABLE staff_audit (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL,
      actor_name text NOT NULL, roles text NOT NULL, action text NOT NULL, outcome text NOT NULL, detail text NOT NULL,
      address text)`,
  },
]

// pg_advisory_lock(classid, objid): "Sign" and 2, the staff console's schema (the queue's is 1).
const MIGRATION_LOCK = [0x5369676e, 2]
const LOG_TABLE = 'CREATE TABLE IF NOT EXISTS staff_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
const COLUMNS = 'id, at, actor, actor_name, roles, action, outcome, detail, address'

export type PostgresAuditOptions = {
  /** Wait between tries while the database does not take an entry (default 2 s). */
  retryMs?: number
  log?: (line: string) => void
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref())

async function migrate(client: PoolClient): Promise<string[]> {
  const { Umzug } = await import('umzug')
  const known = new Set(AUDIT_MIGRATIONS.map((m) => m.name))
  const umzug = new Umzug<PoolClient>({
    migrations: AUDIT_MIGRATIONS.map((m) => ({
      name: m.name,
      async up({ context }) {
        await context.query('BEGIN')
        try {
          await context.query(m.sql)
          await context.query('INSERT INTO staff_migrations (name) VALUES ($1)', [m.name])
          await context.query('COMMIT')
        } catch (e) {
          await context.query('ROLLBACK')
          throw new Error(`Staff console PostgreSQL migration ${m.name} failed and was rolled back: ${(e as Error).message}`, { cause: e })
        }
      },
    })),
    context: client,
    storage: {
      async executed({ context }) {
        await context.query(LOG_TABLE)
        const { rows } = await context.query<{ name: string }>('SELECT name FROM staff_migrations ORDER BY name')
        const unknown = rows.map((r) => r.name).filter((n) => !known.has(n))
        if (unknown.length > 0) {
          throw new Error(
            `The staff console's PostgreSQL tables were made by a newer version of Signpost (migration ${unknown.join(', ')}). Run the newer version, or point DATABASE_URL at another database.`,
          )
        }
        return rows.map((r) => r.name)
      },
      async logMigration({ name, context }) {
        await context.query('INSERT INTO staff_migrations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name])
      },
      async unlogMigration({ name, context }) {
        await context.query('DELETE FROM staff_migrations WHERE name = $1', [name])
      },
    },
    logger: undefined,
  })
  return (await umzug.up()).map((m) => m.name)
}

async function openPool(url: string, log: (line: string) => void): Promise<Pool> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 3 })
  // An idle connection the server drops must not end the console: the next query opens a new one.
  pool.on('error', (e) => log(`Signpost staff: the audit log's PostgreSQL connection failed: ${e.message}`))
  try {
    const client = await pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', MIGRATION_LOCK)
      try {
        const applied = await migrate(client)
        if (applied.length > 0) log(`Signpost staff: audit log tables migrated in PostgreSQL (${applied.join(', ')})`)
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', MIGRATION_LOCK)
      }
    } finally {
      client.release()
    }
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw e
  }
  return pool
}

function rowOf(r: { id: string | number; at: Date | string } & Omit<AuditRow, 'id' | 'at'>): AuditRow {
  return { ...r, id: Number(r.id), at: new Date(r.at).toISOString() }
}

export function postgresAuditStore(url: string, options: PostgresAuditOptions = {}): AuditStore {
  const retryMs = options.retryMs ?? 2000
  const log = options.log ?? ((line: string) => console.error(line))
  let pool: Promise<Pool> | undefined
  const ready = (): Promise<Pool> =>
    (pool ??= openPool(url, log).catch((e: unknown) => {
      pool = undefined
      throw e
    }))
  const pending: AuditRecord[] = []
  let writing: Promise<void> | undefined
  let closing = false

  async function writeAll(): Promise<void> {
    let failures = 0
    while (pending.length > 0) {
      const r = pending[0] as AuditRecord
      try {
        await (
          await ready()
        ).query('INSERT INTO staff_audit (at, actor, actor_name, roles, action, outcome, detail, address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
          r.at,
          r.actor,
          r.actor_name,
          r.roles,
          r.action,
          r.outcome,
          r.detail,
          r.address,
        ])
        pending.shift()
        failures = 0
      } catch (e) {
        failures++
        if (failures === 1 || failures % 30 === 0) {
          log(
            `Signpost staff: AUDIT LOG NOT YET WRITTEN: PostgreSQL did not take ${pending.length} entr${pending.length === 1 ? 'y' : 'ies'} (retrying every ${retryMs} ms): ${(e as Error).message}`,
          )
        }
        if (closing) return
        await sleep(retryMs)
      }
    }
  }
  const kick = (): Promise<void> => (writing ??= writeAll().finally(() => (writing = undefined)))
  async function flush(): Promise<void> {
    while (pending.length > 0 && !closing) await kick()
  }
  /** Waits a little for the entries still being written, then reads what the database has. */
  async function settled(): Promise<Pool> {
    await Promise.race([flush(), sleep(Math.max(2000, retryMs))])
    return ready()
  }

  return {
    backend: 'postgres',
    append(record) {
      if (closing) throw new Error('The audit log is closed.')
      pending.push(record)
      void kick()
    },
    async recent(limit) {
      const { rows } = await (await settled()).query(`SELECT ${COLUMNS} FROM staff_audit ORDER BY id DESC LIMIT $1`, [limit])
      return rows.map(rowOf)
    },
    async all() {
      const { rows } = await (await settled()).query(`SELECT ${COLUMNS} FROM staff_audit ORDER BY id`)
      return rows.map(rowOf)
    },
    flush,
    async close() {
      await Promise.race([flush(), sleep(5000)])
      closing = true
      await writing
      for (const r of pending.splice(0))
        log(
          `Signpost staff: AUDIT ENTRY NOT WRITTEN (PostgreSQL unreachable at close): ${r.at} ${r.action} by ${r.actor_name} (${r.actor}): ${r.outcome} ${r.detail}`.replace(
            /[\r\n]+/g,
            ' ',
          ),
        )
      if (pool) await (await pool.catch(() => undefined))?.end()
    },
  }
}
