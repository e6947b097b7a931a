// @signpost/email: advice sheets by email. Renderer, durable outbox, delivery worker, HTTP API.
export {
  renderAdviceEmail,
  adviceSubject,
  NEUTRAL_SUBJECT,
  NEUTRAL_SENDER_NAME,
  type RenderedAdviceEmail,
  type RenderAdviceEmailOptions,
} from './renderAdviceEmail.js'
export {
  openOutbox,
  Outbox,
  RateLimitError,
  IdempotencyConflictError,
  type OutboxOptions,
  type OutboxMessage,
  type OutboxStatus,
  type ClaimedMessage,
} from './outbox.js'
export { AdviceEmailRequestError, adviceEmailRequestSchema, validateRequest, type AdviceEmailRequest, type AdviceEmailOrigin } from './request.js'
export { createRateLimiter, type RateLimiter } from './rateLimiter.js'
export { createWorker, type Worker, type WorkerOptions } from './worker.js'
export {
  createTransportFromEnv,
  classifySendError,
  senderFromEnv,
  dkimAlignmentWarning,
  type MailTransport,
  type DeliveryResult,
  type SendFailure,
} from './transport.js'
export { createApiServer, type ApiOptions } from './api.js'
export { defaultOutboxPath, defaultMailDir } from './paths.js'
