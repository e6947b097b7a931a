// @signpost/outbox: the one durable delivery queue for every channel (email, sms) and the worker that hands each
// message to its channel's renderer and transport.
export {
  Queue,
  CHANNELS,
  WORKER_ID,
  IdempotencyConflictError,
  RateLimitError,
  type Channel,
  type CancelResult,
  type ClaimedQueueMessage,
  type EnqueueInput,
  type JsonObject,
  type Origin,
  type QueuedMessage,
  type QueueOptions,
  type QueueStatus,
  type RetryPolicy,
  type SendFailure,
} from './queue.js'
export { createQueueWorker, type ChannelHandler, type DeliveryResult, type QueueWorker, type QueueWorkerOptions, type RoundResult } from './worker.js'
export { defaultQueuePath, queueOptionsFromEnv, repoRoot, envNumber } from './config.js'
export { maskRecipientsIn, maskMobileNumber } from './redact.js'
export { hashOf, keyDigest } from './digest.js'
export { SCHEMA_VERSION } from './schema.js'
