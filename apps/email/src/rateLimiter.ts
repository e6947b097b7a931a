// In-memory fixed-window limits for callers we cannot see in the outbox: one per API key or website client.
export type RateLimiter = {
  /** Takes one request for this key; false when the key has used its allowance in the current window. */
  take(key: string): boolean
  /** Milliseconds until this key may try again (0 when it may now). */
  retryAfterMs(key: string): number
}

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const { limit, windowMs } = options
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  function current(key: string): { start: number; count: number } {
    const t = now()
    let w = windows.get(key)
    if (!w || t - w.start >= windowMs) {
      w = { start: t, count: 0 }
      windows.set(key, w)
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k)
    }
    return w
  }
  return {
    take(key) {
      const w = current(key)
      if (w.count >= limit) return false
      w.count += 1
      return true
    },
    retryAfterMs(key) {
      const w = current(key)
      return w.count < limit ? 0 : Math.max(0, w.start + windowMs - now())
    },
  }
}
