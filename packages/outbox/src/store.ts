// The one interface every backend of the delivery queue implements (SQLite in ./queue.ts, the embedded default;
// PostgreSQL in ./postgresStore.ts, for several machines), with the types both share. Every method is async, so a
// caller cannot tell which backend it has; the shared contract suite (./queueContract.ts) runs against both so they
// cannot drift. What each method must do, to the letter, is written in /work/coord/QUEUE-API.md and the comments here.

export const CHANNELS = ['email', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]
export type QueueStatus = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'cancelled'
export const STATUSES: readonly QueueStatus[] = ['queued', 'sending', 'sent', 'retrying', 'failed', 'cancelled']
/** The states a message may be cancelled in: nothing has it yet. Cancelled is final, like sent and failed. */
export const CANCELLABLE = ['queued', 'retrying'] as const

/** What `cancel` did: cancelled, or why not (the message's state, in plain words). */
export type CancelResult = { cancelled: true; message: QueuedMessage } | { cancelled: false; status?: QueueStatus; reason: string }
export type Origin = 'cli' | 'api' | 'web'
export type JsonObject = { [key: string]: unknown }

/** An idempotency key sent again with a different request: refused, since answering with the first id would silently send the second request nothing. */
export class IdempotencyConflictError extends Error {
  readonly field = 'idempotencyKey'
  constructor(message: string) {
    super(message)
    this.name = 'IdempotencyConflictError'
  }
}

export class RateLimitError extends Error {
  readonly retryAfterMs: number
  constructor(message: string, retryAfterMs: number) {
    super(message)
    this.name = 'RateLimitError'
    this.retryAfterMs = retryAfterMs
  }
}

/** Why a send did not work, as the channel's transport classified it. */
export type SendFailure = {
  /** Refused for good (a 5xx SMTP reply, a number Notify says does not exist): no retry. */
  permanent: boolean
  responseCode?: number
  message: string
  /** The server asked to wait at least this long (a 429's Retry-After). */
  retryAfterMs?: number
}

/** What staff and API clients may see of a message: the recipient only masked. */
export type QueuedMessage = {
  id: string
  channel: Channel
  status: QueueStatus
  origin: Origin
  guide: string
  area?: string
  /** The channel's own options (no personal data), e.g. { attachLeaflet, neutral } for email. */
  options: JsonObject
  /** The recipient, masked. */
  to: string
  /** The stable reference the transport sees on every attempt (an email's Message-ID, a text's Notify reference). */
  reference: string
  attempts: number
  lastError?: string
  lastResponseCode?: number
  deliveredTo?: string
  /** The provider's own id for the latest accepted attempt (Notify's notification id). */
  providerId?: string
  /** The latest delivery receipt from the provider (e.g. Notify's "delivered", "permanent-failure"). */
  receipt?: { status: string; at: string }
  createdAt: string
  nextAttemptAt?: string
  sentAt?: string
  finishedAt?: string
  /** Who cancelled it (a staff name, "cli"), when its state is cancelled. */
  cancelledBy?: string
  purged: boolean
}

/** A claimed message, with what the channel needs to send it. */
export type ClaimedQueueMessage = QueuedMessage & {
  address: string | null
  name: string | null
  /** What the channel rendered and stored (as JSON), if it did. */
  snapshot?: JsonObject
  attachment?: { fileName: string; content: Buffer }
}

export type RetryPolicy = { baseMs: number; capMs: number; maxAttempts: number }

/** How a queue behaves, whatever its backend. */
export type QueueBehaviour = {
  /** Injectable clock (ms since epoch), for tests. Every time the store records or compares comes from it. */
  now?: () => number
  /** Exponential back-off per channel (default 1 minute doubling to 1 hour, 12 attempts). */
  retry?: Partial<Record<Channel, Partial<RetryPolicy>>>
  /** How long after a final state the recipient is erased (default 30 days). */
  retentionMs?: number
  /** A message in "sending" longer than this without renewal is taken to be abandoned (default 5 minutes). */
  leaseMs?: number
  /** Apply pending schema migrations when opening (default true; `migrate` runs them on its own). */
  migrate?: boolean
}

export type EnqueueInput = {
  channel: Channel
  origin: Origin
  guide: string
  area: string | null
  options: JsonObject
  recipient: {
    /** The address or number to send to, as the transport needs it. */
    address: string
    name?: string
    /** The recipient as counted by the per-recipient limit (lower-cased address, E.164 number). */
    key: string
    masked: string
  }
  /** The idempotency key as the channel scoped it (already validated); stored only as a digest (keyDigest). */
  idempotencyKey?: string
  /** A digest of what decides what is sent and to whom: the same key with another digest is refused. */
  requestDigest: string
  apiClient?: string
  /** The transport's stable reference for this message (made once, kept on every attempt). */
  reference: string
  /** The rendered message, stored now so a resend is byte-for-byte the same. */
  snapshot?: JsonObject
  limit: { limit: number; windowMs: number; /** "advice emails", "advice texts" */ what: string }
  /** Refusal text for an idempotency conflict (names what differs for this channel). */
  conflictMessage?: string
}

export type ChannelFilter = { channel?: Channel }

/** What `purge` did. */
export type PurgeResult = {
  /** Messages whose recipient was erased now. */
  erased: number
  /**
   * True when nothing of the erased values is left readable in the backend's files: SQLite's WAL was checkpointed and
   * emptied; PostgreSQL's dead row versions were vacuumed. False says they stay until `residue` explains when.
   */
  walCleared: boolean
  /** When walCleared is false: where the erased values still are and until when, in plain words (logged by the worker). */
  residue?: string
}

/** One take from a shared fixed-window allowance (see QueueStore.takeRateLimit). */
export type RateLimitTake = {
  /** The request may go ahead (and was counted). */
  allowed: boolean
  /** Requests counted in this window, this one included when allowed. */
  count: number
  /** Milliseconds until the current window ends (when a refused caller may try again). */
  retryAfterMs: number
}

/** What `migrate` did: the migrations it applied now, and those that were already applied before. */
export type MigrationReport = { applied: string[]; already: string[] }

export interface QueueStore {
  /** Which backend this is. */
  readonly backend: 'sqlite' | 'postgres'
  /** Where the queue is, for people: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string
  /** How long recipients are kept after a message's final state. */
  readonly retentionMs: number
  /** How long a claim lasts without renewal; a live worker renews its claims well within it. */
  readonly leaseMs: number

  /**
   * Stores a request (status queued, due now). In one transaction: the same idempotency key (as keyDigest) returns the
   * first request's id with created: false; the same key with another requestDigest throws IdempotencyConflictError
   * (conflictMessage); more than `limit.limit` messages to recipient.key created in the last `limit.windowMs` throws
   * RateLimitError (retryAfterMs = when the oldest of them leaves the window, at least 1000). Two concurrent calls with
   * the same key create one message.
   */
  enqueue(input: EnqueueInput): Promise<{ id: string; created: boolean }>
  get(id: string, filter?: ChannelFilter): Promise<QueuedMessage | undefined>
  /** A message only if this API client created it: another client's, or one from the CLI or the site, is not found. */
  getForApiClient(id: string, apiClient: string, filter?: ChannelFilter): Promise<QueuedMessage | undefined>
  /** The message a provider knows by this id (a delivery receipt names it so). */
  findByProviderId(providerId: string): Promise<QueuedMessage | undefined>
  /** Newest first (created_at, then insertion order), at most `limit` (default 20). */
  list(options?: { limit?: number; status?: QueueStatus; channel?: Channel }): Promise<QueuedMessage[]>
  /** Every status present as a key, 0 when none. */
  counts(filter?: ChannelFilter): Promise<Record<QueueStatus, number>>

  /**
   * Atomically takes up to `limit` due messages (queued or retrying, next_attempt_at <= now) of these channels, oldest
   * due first, or the one message `id` whatever its due time: each moves to "sending", attempts + 1, claimed by
   * workerId at now. Two workers (processes, hosts) never get the same message.
   */
  claim(limit: number, options?: { id?: string; workerId?: string; channels?: readonly Channel[] }): Promise<ClaimedQueueMessage[]>
  /**
   * The heartbeat: sets claimed_at = now on each message still "sending" and claimed by workerId. Returns the ids it
   * no longer holds (taken back after the lease, or finished elsewhere).
   */
  renewClaims(ids: readonly string[], workerId?: string): Promise<string[]>
  /**
   * Messages left in "sending" go back to "retrying", due now, keeping their reference and attempts: those whose claim
   * was not renewed within leaseMs (notRenewed), and on SQLite (one machine) also those whose owner (host:pid) is on
   * this host and no longer running (ownerGone; PostgreSQL always reports 0, as host:pid can repeat across machines and
   * containers). A claim renewed within the lease is never taken.
   */
  recoverAbandoned(filter?: { channels?: readonly Channel[] }): Promise<{ ownerGone: number; notRenewed: number }>

  /** Keeps what the channel rendered before the first attempt (only if none is stored yet). */
  saveSnapshot(id: string, snapshot: JsonObject): Promise<void>
  /** Keeps the attachment (stored once by hash; only if the message has none yet). */
  saveAttachment(id: string, attachment: { fileName: string; content: Buffer }): Promise<void>
  /**
   * The transport took the message: sent, sent_at now, claim cleared, errors cleared. With awaitingReceipt the message
   * is not finished (finished_at stays empty) until recordReceipt.
   */
  markSent(id: string, result: { where: string; response?: string; providerId?: string; awaitingReceipt?: boolean }): Promise<void>
  /** A permanent failure (or too many attempts): failed, and stays visible. Otherwise retrying after back-off. Returns the new state. */
  recordFailure(id: string, failure: SendFailure): Promise<QueueStatus>
  /** Sent messages still waiting for a delivery receipt, oldest first. */
  awaitingReceipt(options: { channel: Channel; sentBefore: number; limit?: number }): Promise<QueuedMessage[]>
  /** A delivery receipt for the attempt the provider knows as providerId (see queue.ts for the outcomes). */
  recordReceipt(
    providerId: string,
    receipt: { status: string; outcome: 'delivered' | 'failed' | 'retry' | 'pending'; reason?: string },
  ): Promise<QueuedMessage | undefined>

  /** Puts a failed (or waiting) message back in the queue now, attempts reset. Throws, in plain words, for one erased, sent, sending or cancelled. */
  retry(id: string, filter?: ChannelFilter): Promise<QueuedMessage>
  /** Cancels a queued or retrying message in one guarded update; otherwise says why not (see cancelRefusal). */
  cancel(id: string, by: string, filter?: ChannelFilter): Promise<CancelResult>
  /**
   * Erases recipients (address, name, recipient key, request digest) of messages whose final state (sent and finished,
   * failed, cancelled) is older than retentionMs, so nothing of them can be read from the backend's files afterwards;
   * also deletes rate-limit windows that have ended.
   */
  purge(): Promise<PurgeResult>

  /**
   * A shared fixed-window allowance (per API key, per website client): windows are aligned to multiples of windowMs
   * since the epoch; one call counts one request in bucket's current window unless it already holds `limit`. Atomic:
   * several processes on one database share the allowance exactly. `bucket` names the rule and the caller
   * (e.g. "api-key:ab12…", "web-client:…"); it is stored as given, so pass a digest rather than anything personal.
   */
  takeRateLimit(bucket: string, rule: { limit: number; windowMs: number }): Promise<RateLimitTake>

  /** Applies the schema migrations not yet applied (in order, once even if several processes start together); names what it did. */
  migrate(): Promise<MigrationReport>
  /** The names of the migrations not yet applied (empty when the schema is current). */
  pendingMigrations(): Promise<string[]>

  /** Closes the connection(s); further calls reject. Closing twice is harmless. */
  close(): Promise<void>
}

/** Where a queue lives and how it behaves. */
export type OpenQueueOptions = QueueBehaviour & {
  /** postgres://… or postgresql://…: the PostgreSQL store. Otherwise SQLite at `path`. */
  databaseUrl?: string
  /** SQLite file (":memory:" for none); default EMAIL_DB, else <repo>/var/outbox.sqlite. */
  path?: string
  /** Told what the migrations at open did (so a start can say which it applied). */
  onMigrated?: (report: MigrationReport) => void
}
