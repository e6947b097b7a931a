// The email delivery worker: the queue's worker (@signpost/outbox) with the email channel registered — render
// anything not yet stored, compose with the stored Message-ID, send through the (pooled) transport — and any other
// channel the caller adds (the worker npm start runs adds texts), so one process delivers every channel.
import { loadContent as loadContentFromSource, viewGuide, type Content } from '@signpost/content'
import { languageOfMessage } from '@signpost/sms'
import { createQueueWorker, type ChannelHandler, type ClaimedQueueMessage, type RoundResult as QueueRoundResult } from '@signpost/outbox'
import { composeMessage } from './compose.js'
import { renderEmailSnapshot, snapshotToJson } from './emailSnapshot.js'
import { renderLeafletAttachment } from './leaflet.js'
import { claimedEmail, type Outbox, type OutboxMessage } from './outbox.js'
import { NEUTRAL_SENDER_NAME } from './renderAdviceEmail.js'
import { classifySendError, senderFromEnv, type MailTransport, type Sender } from './transport.js'

export type WorkerOptions = {
  outbox: Outbox
  transport: MailTransport
  env?: NodeJS.ProcessEnv
  /** Messages claimed per round (default 50, EMAIL_WORKER_BATCH). */
  batchSize?: number
  /** Wait between rounds when nothing is due, ms (default 1000, EMAIL_WORKER_POLL_MS). */
  pollMs?: number
  /** How often addresses past retention are erased, ms (default hourly). */
  purgeEveryMs?: number
  /** Content for messages enqueued without a rendered snapshot (default: loadContent(), refreshed every minute). */
  loadContent?: () => Promise<Content>
  log?: (line: string) => void
  /** This worker as recorded on the rows it claims (default host:pid). */
  workerId?: string
  /** Other channels this worker delivers from the same queue (e.g. { sms: createSmsChannel(...) }). */
  otherChannels?: { sms?: ChannelHandler }
}

export type RoundResult = QueueRoundResult

export type Worker = {
  /** One round: recover abandoned messages, claim a batch, deliver it. */
  runOnce(): Promise<RoundResult>
  /** Delivers one email now, in this process (the CLI's `send`). */
  deliver(id: string): Promise<OutboxMessage | undefined>
  /** Rounds until stop(); resolves when the last round has finished. */
  run(): Promise<void>
  stop(): Promise<void>
  /** Ends the current wait so a message queued just now is picked up at once. */
  nudge(): void
  readonly sender: Sender
}

const CONTENT_TTL_MS = 60_000

/** A content loader that keeps what it loaded for a minute (and forgets a failed load at once). */
export function cachedContent(outboxContent: Content | undefined, load: () => Promise<Content> = () => loadContentFromSource()): () => Promise<Content> {
  let content: { value: Promise<Content>; at: number } | undefined
  return () => {
    if (outboxContent) return Promise.resolve(outboxContent)
    if (!content || Date.now() - content.at > CONTENT_TTL_MS) {
      content = { value: load(), at: Date.now() }
      content.value.catch(() => (content = undefined))
    }
    return content.value
  }
}

/** The email channel for the queue's worker: its renderer (at delivery, if not stored at enqueue) and its transport. */
export function createEmailChannel(options: { transport: MailTransport; sender: Sender; content: () => Promise<Content> }): ChannelHandler {
  const { transport, sender } = options
  return {
    referenceName: 'Message-ID',
    async prepare(m: ClaimedQueueMessage, queue) {
      const attachLeaflet = m.options.attachLeaflet === true
      const neutral = m.options.neutral === true
      // The language recorded with the message: a rendering made now (or a leaflet) is in the language asked for.
      const lang = languageOfMessage(m.options)
      if (m.snapshot && (!attachLeaflet || m.attachment)) return m
      const view = viewGuide(await options.content(), m.guide, m.area, lang)
      let { snapshot, attachment } = m
      if (!snapshot) {
        snapshot = snapshotToJson(renderEmailSnapshot(await options.content(), { guide: m.guide, area: m.area, neutral, lang }))
        await queue.saveSnapshot(m.id, snapshot)
      }
      if (attachLeaflet && !attachment) {
        attachment = await renderLeafletAttachment(view, { neutral })
        await queue.saveAttachment(m.id, attachment)
      }
      return { ...m, snapshot, attachment }
    },
    async send(m) {
      const email = claimedEmail(m)
      if (!email.snapshot) throw new Error(`Message ${m.id} has no rendering to send.`)
      return transport.send(composeMessage(email, email.snapshot, sender))
    },
    classify: classifySendError,
    purgeOlderThan: (cutoff) => transport.purgeOlderThan(cutoff),
  }
}

export function createWorker(options: WorkerOptions): Worker {
  const env = options.env ?? process.env
  const { outbox, transport } = options
  const sender = senderFromEnv(env, NEUTRAL_SENDER_NAME)
  const email = createEmailChannel({ transport, sender, content: cachedContent(outbox.content, options.loadContent) })
  const worker = createQueueWorker({
    queue: outbox.queue,
    channels: { email, ...options.otherChannels },
    batchSize: options.batchSize ?? (Number(env.EMAIL_WORKER_BATCH) || 50),
    pollMs: options.pollMs ?? (Number(env.EMAIL_WORKER_POLL_MS) || 1000),
    purgeEveryMs: options.purgeEveryMs,
    log: options.log,
    workerId: options.workerId,
  })
  return {
    sender,
    runOnce: () => worker.runOnce(),
    async deliver(id) {
      await worker.deliver(id)
      return outbox.get(id)
    },
    run: () => worker.run(),
    stop: () => worker.stop(),
    nudge: () => worker.nudge(),
  }
}
