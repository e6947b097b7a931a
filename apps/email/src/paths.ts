// Where the outbox keeps its files by default: <repo>/var, found from this package wherever the repo was cloned.
import { join, resolve } from 'node:path'
import { defaultQueuePath, repoRoot } from '@signpost/outbox'

/** The one delivery queue every channel shares (@signpost/outbox): EMAIL_DB, else <repo>/var/outbox.sqlite. */
export function defaultOutboxPath(env: NodeJS.ProcessEnv = process.env): string {
  return defaultQueuePath(env)
}

export function defaultMailDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EMAIL_OUTBOX_DIR || join(repoRoot(), 'var', 'mail'))
}
