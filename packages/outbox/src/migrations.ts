// The schema migration runner for every queue backend: Umzug 3 (a well-kept migration library, Node ≥ 12) applies
// the named migrations in order and records each one in the backend's own log table (the storage), so a database
// knows which migrations it has rather than the code guessing from a version number. SQLite's migrations are in
// ./sqliteMigrations.ts; PostgreSQL's in ./postgresMigrations.ts. Each backend makes its migrations safe against two
// processes starting at once (SQLite: an immediate transaction that looks at the log again; PostgreSQL: an advisory lock).
import { Umzug, type UmzugStorage } from 'umzug'
import type { MigrationReport } from './store.js'

/** One versioned migration: its name (sorts in order, e.g. "0003-key-digests") and what it does. */
export type QueueMigration<C> = { name: string; up: (context: C) => Promise<void> }

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Umzug's own constraint on its context type
function umzugOf<C extends {}>(migrations: readonly QueueMigration<C>[], context: C, storage: UmzugStorage<C>): Umzug<C> {
  return new Umzug<C>({
    migrations: migrations.map((m) => ({ name: m.name, up: ({ context: c }) => m.up(c) })),
    context,
    storage,
    logger: undefined,
  })
}

/** Applies every migration not yet in the storage's log, in order; says which it applied and which were there already. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as above
export async function runMigrations<C extends {}>(options: {
  migrations: readonly QueueMigration<C>[]
  context: C
  storage: UmzugStorage<C>
}): Promise<MigrationReport> {
  const umzug = umzugOf(options.migrations, options.context, options.storage)
  const already = (await umzug.executed()).map((m) => m.name)
  const applied = (await umzug.up()).map((m) => m.name)
  return { applied, already }
}

/** The names of the migrations not yet applied. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as above
export async function pendingOf<C extends {}>(options: { migrations: readonly QueueMigration<C>[]; context: C; storage: UmzugStorage<C> }): Promise<string[]> {
  return (await umzugOf(options.migrations, options.context, options.storage).pending()).map((m) => m.name)
}

export type { UmzugStorage }
