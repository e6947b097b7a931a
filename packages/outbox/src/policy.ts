// The rules every queue backend applies the same way, as pure functions: back-off, what a failure leaves in
// last_error, why a message cannot be cancelled or retried, whether a claim's owner is gone, and how a stored row is
// shown. SQLite (./queue.ts) and PostgreSQL (./postgresStore.ts) both use these, so their answers are word for word
// the same and the contract suite can compare them.
import { hostname } from 'node:os'
import { maskRecipientsIn } from './redact.js'
import { CANCELLABLE, type Channel, type JsonObject, type Origin, type QueuedMessage, type QueueStatus, type RetryPolicy, type SendFailure } from './store.js'

/** This process, as recorded on the rows it claims: a crashed owner on this host is seen at once. */
export const WORKER_ID = `${hostname()}:${process.pid}`

/** True when `claimedBy` (host:pid) names a process on this host that is no longer running (or nothing at all). */
export function ownerIsDead(claimedBy: string | null): boolean {
  if (!claimedBy) return true
  const at = claimedBy.lastIndexOf(':')
  if (claimedBy.slice(0, at) !== hostname()) return false
  const pid = Number(claimedBy.slice(at + 1))
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 60_000, capMs: 60 * 60 * 1000, maxAttempts: 12 }
export const DEFAULT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000
export const DEFAULT_LEASE_MS = 5 * 60 * 1000

export function retryPoliciesOf(retry: Partial<Record<Channel, Partial<RetryPolicy>>> | undefined): Record<Channel, RetryPolicy> {
  return { email: { ...DEFAULT_RETRY, ...retry?.email }, sms: { ...DEFAULT_RETRY, ...retry?.sms } }
}

/** The wait before the next attempt after `attempts` attempts: base doubling per attempt, capped, at least what the server asked. */
export const backoffMs = (policy: RetryPolicy, attempts: number, retryAfterMs = 0): number =>
  Math.max(retryAfterMs, Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1)))

/** What recordFailure decides and stores: failed or retrying, the masked reply (or "Gave up…"), and when to try again. */
export function failureOutcome(
  policy: RetryPolicy,
  row: { attempts: number; to_address: string | null; to_name: string | null },
  failure: SendFailure,
  now: number,
): { status: 'failed' | 'retrying'; lastError: string; nextAttemptAt: number } {
  const giveUp = failure.permanent || row.attempts >= policy.maxAttempts
  // Servers echo the recipient in their replies: only the masked form is kept (and so shown by status and the API).
  const reply = maskRecipientsIn(failure.message, [row.to_address, row.to_name])
  const lastError = failure.permanent || row.attempts < policy.maxAttempts ? reply : `Gave up after ${row.attempts} attempts. Last error: ${reply}`
  return { status: giveUp ? 'failed' : 'retrying', lastError, nextAttemptAt: now + backoffMs(policy, row.attempts, failure.retryAfterMs) }
}

/** The plain-words answer when a message is not cancelled (it is not queued or retrying, or does not exist). */
export function cancelRefusal(id: string, current: QueuedMessage | undefined): { cancelled: false; status?: QueueStatus; reason: string } {
  if (!current) return { cancelled: false, reason: `No message with id ${id}.` }
  const why: Record<Exclude<QueueStatus, (typeof CANCELLABLE)[number]>, string> = {
    sending: 'it is being sent right now, so it can no longer be stopped',
    sent: 'it was already sent',
    failed: 'it already failed and will not be sent',
    cancelled: `it was already cancelled${current.cancelledBy ? ` by ${current.cancelledBy}` : ''}`,
  }
  const reason = why[current.status as keyof typeof why] ?? `it is ${current.status}`
  return { cancelled: false, status: current.status, reason: `Message ${id} was not cancelled: ${reason}.` }
}

/** Why `retry` refuses this message, or undefined when it may be put back in the queue. */
export function retryRefusal(id: string, row: MessageRow | undefined): string | undefined {
  if (!row) return `No message with id ${id}.`
  if (row.to_address === null)
    return `Message ${id} can no longer be sent: its ${row.channel === 'sms' ? 'number' : 'address'} was erased after the retention period.`
  if (row.status === 'sent' || row.status === 'sending') return `Message ${id} is ${row.status}; only failed, queued or retrying messages can be retried.`
  if (row.status === 'cancelled')
    return `Message ${id} was cancelled${row.cancelled_by ? ` by ${row.cancelled_by}` : ''}; a cancelled message is never sent. Send a new one instead.`
  return undefined
}

/** Refusal text for a recipient over its limit. */
export const recipientLimitMessage = (what: string, masked: string, limit: number, windowMs: number, retryAfterMs: number): string =>
  `Too many ${what} to ${masked}: at most ${limit} in ${Math.round(windowMs / 60000)} minutes. Try again in ${Math.ceil(retryAfterMs / 60000)} minutes.`

export const DEFAULT_CONFLICT_MESSAGE =
  "idempotencyKey: this idempotency key was already used for a different request. Use a new key for a new request; send exactly the same request to get the first one's id."

/** The text recoverAbandoned leaves in last_error when there was none. */
export const INTERRUPTED = 'Interrupted while sending; sending again.'

/** A message row as both backends store it (times in ms since the epoch; a backend converts its own types to these). */
export type MessageRow = {
  id: string
  channel: Channel
  status: QueueStatus
  origin: Origin
  guide: string
  area: string | null
  /** The channel's options as JSON text. */
  options: string | JsonObject
  to_address: string | null
  to_name: string | null
  to_masked: string
  message_id: string
  render_hash: string | null
  attachment_hash: string | null
  attempts: number
  last_error: string | null
  last_response_code: number | null
  delivered_to: string | null
  provider_id: string | null
  receipt_status: string | null
  receipt_at: number | null
  created_at: number
  next_attempt_at: number
  claimed_by: string | null
  claimed_at: number | null
  sent_at: number | null
  finished_at: number | null
  cancelled_by: string | null
  purged_at: number | null
}

const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString())

/** What anyone may see of a stored row: the recipient only masked. */
export function publicView(row: MessageRow): QueuedMessage {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    origin: row.origin,
    guide: row.guide,
    area: row.area ?? undefined,
    options: typeof row.options === 'string' ? (JSON.parse(row.options) as JsonObject) : row.options,
    to: row.to_masked,
    reference: row.message_id,
    attempts: row.attempts,
    lastError: row.last_error ?? undefined,
    lastResponseCode: row.last_response_code ?? undefined,
    deliveredTo: row.delivered_to ?? undefined,
    providerId: row.provider_id ?? undefined,
    receipt: row.receipt_status === null ? undefined : { status: row.receipt_status, at: iso(row.receipt_at) ?? '' },
    createdAt: iso(row.created_at) ?? '',
    nextAttemptAt: row.status === 'queued' || row.status === 'retrying' ? iso(row.next_attempt_at) : undefined,
    sentAt: iso(row.sent_at),
    finishedAt: iso(row.finished_at),
    cancelledBy: row.cancelled_by ?? undefined,
    purged: row.purged_at !== null,
  }
}

/** The start of the fixed window `now` falls in (windows aligned to multiples of windowMs since the epoch). */
export const windowStart = (now: number, windowMs: number): number => now - (now % Math.max(1, windowMs))
