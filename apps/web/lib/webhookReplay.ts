// Replay protection for the signed Sanity webhook (POST /api/revalidate).
// The signature header is `t=<ms since 1970>,v1=<HMAC of "t.body">` (@sanity/webhook's decodeSignatureHeader);
// the timestamp is signed, so a captured request cannot be re-dated. Sanity's webhook documentation says a failed
// delivery is retried "for up to 30 minutes with an exponential back-off", that a request times out after 30 s,
// and that every request carries an `idempotency-key` header to de-duplicate deliveries; it does not say whether
// a retry is signed afresh. So a signature is accepted within SANITY_WEBHOOK_TOLERANCE_SECONDS (default 5 minutes)
// of the server's clock, plus, in the past, Sanity's retry period (SANITY_WEBHOOK_RETRY_SECONDS, default 30 min
// 30 s), so that a retry carrying its first attempt's signature is never refused; and each signature and each
// idempotency key is acted on once: a repeat is acknowledged with 200 and regenerates nothing. The record of
// processed deliveries is kept in .next/cache, so a restart does not reopen the window for a captured request.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export const DEFAULT_TOLERANCE_SECONDS = 5 * 60
/** Sanity retries for up to 30 minutes; its last attempt may take 30 s more to time out. */
export const DEFAULT_RETRY_SECONDS = 30 * 60 + 30

export type ReplayWindow = { toleranceSeconds: number; retrySeconds: number }

function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of seconds (0 or more), not "${value}".`)
  return n
}

export function replayWindowFromEnv(env: Record<string, string | undefined> = process.env): ReplayWindow {
  return {
    toleranceSeconds: seconds(env.SANITY_WEBHOOK_TOLERANCE_SECONDS, DEFAULT_TOLERANCE_SECONDS, 'SANITY_WEBHOOK_TOLERANCE_SECONDS'),
    retrySeconds: seconds(env.SANITY_WEBHOOK_RETRY_SECONDS, DEFAULT_RETRY_SECONDS, 'SANITY_WEBHOOK_RETRY_SECONDS'),
  }
}

function duration(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds))
  const parts: [number, string][] = [
    [Math.floor(s / 86400), 'day'],
    [Math.floor((s % 86400) / 3600), 'hour'],
    [Math.floor((s % 3600) / 60), 'minute'],
    [s % 60, 'second'],
  ]
  const shown = parts.filter(([n]) => n > 0).slice(0, 2)
  return shown.length ? shown.map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`).join(' ') : '0 seconds'
}

/** Why a signature dated signedAtMs is refused at nowMs, in words for the sender, or undefined when it is accepted. */
export function signatureTimeProblem(signedAtMs: number, nowMs: number, window: ReplayWindow): string | undefined {
  const ageSeconds = (nowMs - signedAtMs) / 1000
  if (ageSeconds >= -window.toleranceSeconds && ageSeconds <= window.toleranceSeconds + window.retrySeconds) return undefined
  const when = new Date(signedAtMs).toISOString()
  const offset = ageSeconds > 0 ? `${duration(ageSeconds)} before` : `${duration(ageSeconds)} after`
  return (
    `The webhook signature is dated ${when}, ${offset} this server's clock. A signature is accepted within ` +
    `${duration(window.toleranceSeconds)} of the clock (SANITY_WEBHOOK_TOLERANCE_SECONDS), and up to ` +
    `${duration(window.retrySeconds)} more in the past for Sanity's retries (SANITY_WEBHOOK_RETRY_SECONDS). ` +
    'This one may be a replayed request, so nothing was regenerated.'
  )
}

/** Signatures and idempotency keys already acted on, each until it could no longer be accepted (ms since 1970). */
export class DeliveryLog {
  private readonly keys = new Map<string, number>()
  private readonly running = new Map<string, Promise<unknown>>()
  private loaded = false

  constructor(private readonly file?: string) {}

  private load(): void {
    if (this.loaded) return
    this.loaded = true
    if (!this.file) return
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>
      for (const [key, until] of Object.entries(saved)) if (typeof until === 'number') this.keys.set(key, until)
    } catch {
      // No record yet (or an unreadable one): start empty.
    }
  }

  private save(nowMs: number): void {
    for (const [key, until] of this.keys) if (until < nowMs) this.keys.delete(key)
    if (!this.file) return
    try {
      mkdirSync(dirname(this.file), { recursive: true })
      writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(this.keys)))
      renameSync(`${this.file}.tmp`, this.file)
    } catch (e) {
      console.error(`Signpost: could not save the webhook delivery record ${this.file}: ${(e as Error).message}`)
    }
  }

  /** The first of keys already acted on (and still remembered at nowMs), if any. */
  seen(keys: string[], nowMs: number): string | undefined {
    this.load()
    return keys.find((k) => (this.keys.get(k) ?? -Infinity) >= nowMs)
  }

  /** Runs work for a delivery unless one with any of the same keys is running now: then waits for that one first. */
  async once<T>(keys: string[], nowMs: number, work: () => Promise<{ ok: boolean; value: T }>, untilMs: number): Promise<{ duplicateOf?: string; value?: T }> {
    for (const key of keys) {
      const running = this.running.get(key)
      if (running) await running.catch(() => undefined)
    }
    const duplicateOf = this.seen(keys, nowMs)
    if (duplicateOf) return { duplicateOf }
    const task = work()
    for (const key of keys) this.running.set(key, task)
    try {
      const result = await task
      if (result.ok) {
        for (const key of keys) this.keys.set(key, untilMs)
        this.save(nowMs)
      }
      return { value: result.value }
    } finally {
      for (const key of keys) if (this.running.get(key) === task) this.running.delete(key)
    }
  }
}
