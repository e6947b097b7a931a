// Webhook deliveries already acted on, shared by every site instance when SIGNPOST_CACHE_URL is set: a delivery
// (its signature or idempotency-key) processed by instance A and then replayed, or retried by Sanity, to instance B
// is acknowledged by B without regenerating anything, as it would be by A. Each instance's own record
// (lib/webhookReplay.ts, in .next/cache) stays underneath: it covers a delivery while it is being processed and
// keeps replay protection working when the database cannot be reached.
import type { DeliveryLog } from './webhookReplay'
import type { SharedCacheStore } from './cacheStore'

export async function onceAcrossInstances<T>(
  local: DeliveryLog,
  shared: SharedCacheStore | undefined,
  keys: string[],
  nowMs: number,
  work: () => Promise<{ ok: boolean; value: T }>,
  untilMs: number,
): Promise<{ duplicateOf?: string; value?: T }> {
  if (shared) {
    try {
      const duplicateOf = await shared.deliverySeen(keys, nowMs)
      if (duplicateOf) return { duplicateOf }
    } catch {
      // The store has logged why; this instance's own record decides.
    }
  }
  let succeeded = false
  const result = await local.once(
    keys,
    nowMs,
    async () => {
      const outcome = await work()
      succeeded = outcome.ok
      return outcome
    },
    untilMs,
  )
  if (shared && succeeded) {
    try {
      await shared.rememberDelivery(keys, untilMs, nowMs)
    } catch {
      // Logged by the store; this instance still remembers it.
    }
  }
  return result
}
