// Opens the one queue on the backend the deployment chose: PostgreSQL when DATABASE_URL=postgres://… is set (several
// machines share it), otherwise the SQLite file as before (one machine, nothing to set up). Every entry point (the
// email and sms CLIs, the HTTP API, the site, the staff console, the worker) opens its queue through here.
import { defaultQueuePath, queueOptionsFromEnv } from './config.js'
import type { OpenQueueOptions, QueueBehaviour, QueueStore } from './store.js'

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i

/** True for a postgres:// or postgresql:// URL. */
export const isPostgresUrl = (url: string | undefined): boolean => url !== undefined && POSTGRES_URL.test(url.trim())

/**
 * The PostgreSQL store or the SQLite one. A databaseUrl that is set but is not a postgres:// URL is refused rather
 * than silently ignored (a typo would otherwise put a cluster's queue in a local file on each machine).
 */
export async function openQueue(options: OpenQueueOptions = {}): Promise<QueueStore> {
  const { databaseUrl, path, onMigrated, migrate, ...behaviour } = options
  // Opened without migrating, then migrated here, so both backends report the same way what the start applied.
  const store = await openStore(databaseUrl, path, { ...behaviour, migrate: false })
  if (migrate === false) return store
  try {
    const report = await store.migrate()
    onMigrated?.(report)
  } catch (e) {
    await store.close()
    throw e
  }
  return store
}

async function openStore(databaseUrl: string | undefined, path: string | undefined, behaviour: QueueBehaviour): Promise<QueueStore> {
  if (databaseUrl !== undefined && databaseUrl.trim() !== '') {
    if (!isPostgresUrl(databaseUrl)) {
      throw new Error(
        `DATABASE_URL must be a postgres:// or postgresql:// URL (it starts "${databaseUrl.trim().slice(0, 12)}…"). Unset it to use the SQLite outbox.`,
      )
    }
    // Loaded only when PostgreSQL is chosen, so a SQLite-only process never loads pg.
    const { openPostgresQueue } = await import('./postgresStore.js')
    return openPostgresQueue(databaseUrl.trim(), behaviour)
  }
  const { openSqliteQueue } = await import('./queue.js')
  return openSqliteQueue({ ...behaviour, path: path ?? defaultQueuePath() })
}

export type QueueFromEnvOverrides = OpenQueueOptions & {
  /** A SQLite file chosen by the caller (a CLI flag, a test): used whatever DATABASE_URL says. */
  file?: string
}

/**
 * The queue the environment describes: DATABASE_URL (PostgreSQL) or EMAIL_DB (SQLite file, default
 * <repo>/var/outbox.sqlite), with retention, lease and back-off from queueOptionsFromEnv. `overrides` win (tests,
 * a channel's own retry policy).
 */
export async function queueFromEnv(env: NodeJS.ProcessEnv = process.env, { file, ...overrides }: QueueFromEnvOverrides = {}): Promise<QueueStore> {
  const fromEnv = queueOptionsFromEnv(env)
  return openQueue({
    ...fromEnv,
    databaseUrl: env.DATABASE_URL,
    path: defaultQueuePath(env),
    ...overrides,
    // An explicit file is SQLite, whatever DATABASE_URL says.
    ...(file !== undefined ? { path: file, databaseUrl: '' } : {}),
    retry: {
      email: { ...fromEnv.retry?.email, ...overrides.retry?.email },
      sms: { ...fromEnv.retry?.sms, ...overrides.retry?.sms },
    },
  })
}
