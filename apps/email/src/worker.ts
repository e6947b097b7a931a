// The delivery worker: claims due messages from the outbox in batches, renders anything not yet stored, sends through
// the (pooled) transport, records sent / retrying / failed, recovers what a crash left in "sending", and purges.
import { loadContent as loadContentFromSource, viewGuide, type Content } from '@signpost/content'
import { composeMessage } from './compose.js'
import { renderLeafletAttachment } from './leaflet.js'
import type { ClaimedMessage, Outbox, OutboxMessage, OutboxStatus } from './outbox.js'
import { NEUTRAL_SENDER_NAME, renderAdviceEmail } from './renderAdviceEmail.js'
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
}

export type RoundResult = Record<Exclude<OutboxStatus, 'queued' | 'sending'>, number>

export type Worker = {
  /** One round: recover abandoned messages, claim a batch, deliver it. */
  runOnce(): Promise<RoundResult>
  /** Delivers one message now, in this process (the CLI's `send`). */
  deliver(id: string): Promise<OutboxMessage | undefined>
  /** Rounds until stop(); resolves when the last round has finished. */
  run(): Promise<void>
  stop(): Promise<void>
  /** Ends the current wait so a message queued just now is picked up at once. */
  nudge(): void
  readonly sender: Sender
}

const CONTENT_TTL_MS = 60_000

export function createWorker(options: WorkerOptions): Worker {
  const env = options.env ?? process.env
  const { outbox, transport } = options
  const batchSize = options.batchSize ?? (Number(env.EMAIL_WORKER_BATCH) || 50)
  const pollMs = options.pollMs ?? (Number(env.EMAIL_WORKER_POLL_MS) || 1000)
  const purgeEveryMs = options.purgeEveryMs ?? 60 * 60 * 1000
  const log = options.log ?? ((line: string) => console.error(line))
  const sender = senderFromEnv(env, NEUTRAL_SENDER_NAME)
  let content: { value: Promise<Content>; at: number } | undefined
  let stopping = false
  let running: Promise<void> | undefined
  let wake: (() => void) | undefined
  let lastPurge = 0

  function currentContent(): Promise<Content> {
    if (outbox.content) return Promise.resolve(outbox.content)
    if (!content || Date.now() - content.at > CONTENT_TTL_MS) {
      content = { value: (options.loadContent ?? (() => loadContentFromSource()))(), at: Date.now() }
      content.value.catch(() => (content = undefined))
    }
    return content.value
  }

  async function prepare(m: ClaimedMessage): Promise<ClaimedMessage> {
    let { snapshot, leaflet } = m
    if (!snapshot || (m.attachLeaflet && !leaflet)) {
      const view = viewGuide(await currentContent(), m.guide, m.area)
      if (!snapshot) {
        snapshot = { ...renderAdviceEmail(view, { neutral: m.neutral }), revision: view.guide.revision }
        outbox.saveSnapshot(m.id, snapshot)
      }
      if (m.attachLeaflet && !leaflet) {
        leaflet = await renderLeafletAttachment(view)
        outbox.saveLeaflet(m.id, leaflet)
      }
    }
    return { ...m, snapshot, leaflet }
  }

  async function deliverClaimed(m: ClaimedMessage): Promise<OutboxStatus> {
    const to = m.to
    let prepared: ClaimedMessage
    try {
      prepared = await prepare(m)
    } catch (e) {
      // Content that does not (or no longer) exist will not appear by retrying; a missing leaflet build might.
      const permanent = (e as Error).name === 'NotFoundError'
      const status = outbox.recordFailure(m.id, { permanent, message: (e as Error).message })
      log(`email ${m.id} to ${to}: could not prepare (${status}): ${(e as Error).message}`)
      return status
    }
    try {
      const result = await transport.send(composeMessage(prepared, prepared.snapshot!, sender))
      outbox.markSent(m.id, result)
      log(`email ${m.id} to ${to}: sent (${result.where})`)
      return 'sent'
    } catch (e) {
      const failure = classifySendError(e)
      const status = outbox.recordFailure(m.id, failure)
      log(`email ${m.id} to ${to}: ${status} after attempt ${m.attempts}: ${failure.message}`)
      return status
    }
  }

  function maybePurge(): void {
    if (Date.now() - lastPurge < purgeEveryMs) return
    lastPurge = Date.now()
    const n = outbox.purge()
    const files = transport.purgeOlderThan(Date.now() - outbox.retentionMs)
    if (n > 0 || files > 0) log(`email: erased the addresses of ${n} message(s) and ${files} delivered file(s) past the retention period`)
  }

  async function runOnce(): Promise<RoundResult> {
    maintain()
    const batch = outbox.claim(batchSize)
    const result: RoundResult = { sent: 0, retrying: 0, failed: 0 }
    const statuses = await Promise.all(batch.map(deliverClaimed))
    for (const s of statuses) if (s === 'sent' || s === 'retrying' || s === 'failed') result[s] += 1
    return result
  }

  function maintain(): void {
    const recovered = outbox.recoverAbandoned()
    if (recovered > 0) log(`email: ${recovered} message(s) left in "sending" by a stopped worker will be sent again (same Message-ID)`)
    maybePurge()
  }

  function sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms)
      wake = () => {
        clearTimeout(t)
        resolve()
      }
    }).finally(() => (wake = undefined))
  }

  // Keeps up to batchSize messages in flight, topping up as they finish, so the SMTP pool never waits for the
  // slowest message of a batch. Claims are still atomic batches of rows.
  async function loop(): Promise<void> {
    const inflight = new Set<Promise<unknown>>()
    let lastMaintenance = 0
    while (!stopping) {
      try {
        if (Date.now() - lastMaintenance >= Math.min(pollMs, 1000)) {
          lastMaintenance = Date.now()
          maintain()
        }
        const room = batchSize - inflight.size
        if (room >= Math.max(1, Math.floor(batchSize / 5))) {
          for (const m of outbox.claim(room)) {
            const p: Promise<unknown> = deliverClaimed(m)
              .catch((e: unknown) => log(`email ${m.id}: ${(e as Error).message}`))
              .finally(() => inflight.delete(p))
            inflight.add(p)
          }
        }
      } catch (e) {
        log(`email worker: ${(e as Error).message}`)
      }
      if (stopping) break
      if (inflight.size === 0) await sleep(pollMs)
      else await Promise.race(inflight)
    }
    await Promise.all(inflight)
  }

  return {
    sender,
    runOnce,
    async deliver(id) {
      const [m] = outbox.claim(1, { id })
      if (m) await deliverClaimed(m)
      return outbox.get(id)
    },
    run() {
      stopping = false
      running ??= loop().finally(() => (running = undefined))
      return running
    },
    nudge() {
      wake?.()
    },
    async stop() {
      stopping = true
      wake?.()
      await running
    },
  }
}
