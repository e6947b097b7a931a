// Where the outbox keeps its files by default: <repo>/var, found from this package wherever the repo was cloned.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultQueuePath } from '@signpost/outbox'

/** The monorepo root (the folder with turbo.json above this package), else the current directory. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'turbo.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return resolve('.')
    dir = parent
  }
}

/** The one delivery queue every channel shares (@signpost/outbox): EMAIL_DB, else <repo>/var/outbox.sqlite. */
export function defaultOutboxPath(env: NodeJS.ProcessEnv = process.env): string {
  return defaultQueuePath(env)
}

export function defaultMailDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EMAIL_OUTBOX_DIR || join(repoRoot(), 'var', 'mail'))
}
