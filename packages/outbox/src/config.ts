// Where the one queue lives and how it behaves, from the environment, so every entry point (email and sms CLIs, the
// HTTP API, the site, the worker npm start runs) opens the same file with the same rules.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QueueOptions } from './queue.js'

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

/** The queue file: EMAIL_DB (its name from when only email used it), else <repo>/var/outbox.sqlite. */
export function defaultQueuePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EMAIL_DB || join(repoRoot(), 'var', 'outbox.sqlite'))
}

export const envNumber = (value: string | undefined, fallback: number): number => {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback
}

/**
 * Retention (EMAIL_RETENTION_DAYS, default 30, for every channel), the lease (EMAIL_LEASE_MS, default 5 minutes) and
 * each channel's back-off: EMAIL_RETRY_BASE_MS / _CAP_MS / EMAIL_MAX_ATTEMPTS, SMS_RETRY_BASE_MS / _CAP_MS / SMS_MAX_ATTEMPTS.
 */
export function queueOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<QueueOptions, 'path'> {
  return {
    retentionMs: envNumber(env.EMAIL_RETENTION_DAYS, 30) * 24 * 60 * 60 * 1000,
    leaseMs: envNumber(env.EMAIL_LEASE_MS, 5 * 60 * 1000),
    retry: {
      email: {
        baseMs: envNumber(env.EMAIL_RETRY_BASE_MS, 60_000),
        capMs: envNumber(env.EMAIL_RETRY_CAP_MS, 60 * 60 * 1000),
        maxAttempts: envNumber(env.EMAIL_MAX_ATTEMPTS, 12),
      },
      sms: {
        baseMs: envNumber(env.SMS_RETRY_BASE_MS, 60_000),
        capMs: envNumber(env.SMS_RETRY_CAP_MS, 60 * 60 * 1000),
        maxAttempts: envNumber(env.SMS_MAX_ATTEMPTS, 8),
      },
    },
  }
}
