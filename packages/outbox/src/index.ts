// @signpost/outbox: the one durable delivery queue for every channel (email, sms), behind one interface (QueueStore)
// with two backends (SQLite, the default; PostgreSQL with DATABASE_URL), and the worker that hands each message to its
// channel's renderer and transport.
export {
  CHANNELS,
  STATUSES,
  IdempotencyConflictError,
  RateLimitError,
  type Channel,
  type CancelResult,
  type ChannelFilter,
  type ClaimedQueueMessage,
  type EnqueueInput,
  type JsonObject,
  type MigrationReport,
  type OpenQueueOptions,
  type Origin,
  type PurgeResult,
  type QueueBehaviour,
  type QueuedMessage,
  type QueueStatus,
  type QueueStore,
  type RateLimitTake,
  type RetryPolicy,
  type SendFailure,
} from './store.js'
export { openQueue, queueFromEnv, isPostgresUrl, type QueueFromEnvOverrides } from './open.js'
export { SqliteQueue, openSqliteQueue, type QueueOptions } from './queue.js'
export { WORKER_ID } from './policy.js'
export { createQueueWorker, type ChannelHandler, type DeliveryResult, type QueueWorker, type QueueWorkerOptions, type RoundResult } from './worker.js'
export { defaultQueuePath, queueOptionsFromEnv, repoRoot, envNumber } from './config.js'
export { maskRecipientsIn, maskMobileNumber } from './redact.js'
export { hashOf, keyDigest } from './digest.js'
export { SCHEMA_VERSION } from './schema.js'
