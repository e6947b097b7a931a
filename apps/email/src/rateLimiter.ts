// Fixed-window limits for callers we cannot see in the outbox: one per API key or website client. The counters are
// kept in the queue's store (SQLite or PostgreSQL), not in this process, so every API process and site instance on
// one database shares a caller's allowance: two API processes behind a load balancer do not double it.
import { createHash } from 'node:crypto'
import type { QueueStore } from '@signpost/outbox'

export type RateLimiter = {
  /** Takes one request for this key: allowed false when the key has used its allowance in the current window, with how long until the next one. */
  take(key: string): Promise<{ allowed: boolean; retryAfterMs: number }>
}

/**
 * `name` says which limit this is ("api-key", "web-client"), so two limits never share counters. The caller's key is
 * stored only as a digest (a website client is its IP address, which is personal data).
 */
export function createRateLimiter(options: { store: QueueStore; name: string; limit: number; windowMs: number }): RateLimiter {
  const { store, name, limit, windowMs } = options
  return {
    async take(key) {
      const bucket = `${name}:${createHash('sha256').update(`rate-limit\0${key}`).digest('hex').slice(0, 32)}`
      const { allowed, retryAfterMs } = await store.takeRateLimit(bucket, { limit, windowMs })
      return { allowed, retryAfterMs }
    },
  }
}
