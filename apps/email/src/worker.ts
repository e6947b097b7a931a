// The delivery worker: claims due messages from the outbox in batches, renders anything not yet stored, sends through
// the (pooled) transport, records sent / retrying / failed, recovers what a crash left in "sending", and purges.
import { loadContent as loadContentFromSource, viewGuide, type Content } from '@signpost/content'
import { composeMessage } from './compose.js'
import { renderLeafletAttachment } from './leaflet.js'
import { WORKER_ID, type ClaimedMessage, type Outbox, type OutboxMessage, type OutboxStatus } from './outbox.js'
import { maskAddressesIn } from './redact.js'
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
  /** This worker as recorded on the rows it claims (default host:pid). */
  workerId?: string
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
  const workerId = options.workerId ?? WORKER_ID

  // The heartbeat: while anything this worker claimed is still being prepared or sent (waiting for a pooled
  // connection, or for a slow server to answer the end of DATA), its claim is renewed three times per lease, so no
  // other worker takes back a message that is still on its way. Only a worker that is gone, or stopped renewing, loses it.
  const claimed = new Set<string>()
  let heartbeat: ReturnType<typeof setInterval> | undefined
  function renewClaims(): void {
    if (claimed.size === 0) return
    try {
      for (const id of outbox.renewClaims(claimed, workerId)) {
        claimed.delete(id)
        log(`email ${id}: this worker went longer than the lease (${outbox.leaseMs} ms) without renewing its claim, so it was taken back; it may arrive twice`)
      }
    } catch (e) {
      log(`email worker: could not renew claims: ${(e as Error).message}`)
    }
  }
  function claim(limit: number, id?: string): ClaimedMessage[] {
    const batch = outbox.claim(limit, { id, workerId })
    for (const m of batch) claimed.add(m.id)
    if (claimed.size > 0 && !heartbeat) {
      heartbeat = setInterval(renewClaims, Math.max(50, Math.floor(outbox.leaseMs / 3)))
      heartbeat.unref()
    }
    return batch
  }
  function release(id: string): void {
    claimed.delete(id)
    if (claimed.size === 0 && heartbeat) {
      clearInterval(heartbeat)
      heartbeat = undefined
    }
  }

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
        leaflet = await renderLeafletAttachment(view, { neutral: m.neutral })
        outbox.saveLeaflet(m.id, leaflet)
      }
    }
    return { ...m, snapshot, leaflet }
  }

  async function deliverClaimed(m: ClaimedMessage): Promise<OutboxStatus> {
    try {
      return await deliverOne(m)
    } finally {
      release(m.id)
    }
  }

  async function deliverOne(m: ClaimedMessage): Promise<OutboxStatus> {
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
      const classified = classifySendError(e)
      const failure = { ...classified, message: maskAddressesIn(classified.message, [m.address, m.name]) }
      const status = outbox.recordFailure(m.id, failure)
      log(`email ${m.id} to ${to}: ${status} after attempt ${m.attempts}: ${failure.message}`)
      return status
    }
  }

  function maybePurge(): void {
    if (Date.now() - lastPurge < purgeEveryMs) return
    lastPurge = Date.now()
    const { erased: n, walCleared } = outbox.purge()
    const files = transport.purgeOlderThan(Date.now() - outbox.retentionMs)
    if (n > 0 || files > 0) log(`email: erased the addresses of ${n} message(s) and ${files} delivered file(s) past the retention period`)
    if (n > 0 && !walCleared) log(`email: the outbox's WAL file was in use by another process, so erased addresses stay in ${outbox.path}-wal until its next checkpoint`)
  }

  async function runOnce(): Promise<RoundResult> {
    maintain()
    const batch = claim(batchSize)
    const result: RoundResult = { sent: 0, retrying: 0, failed: 0 }
    const statuses = await Promise.all(batch.map(deliverClaimed))
    for (const s of statuses) if (s === 'sent' || s === 'retrying' || s === 'failed') result[s] += 1
    return result
  }

  function maintain(): void {
    renewClaims()
    const { ownerGone, notRenewed } = outbox.recoverAbandoned()
    if (ownerGone > 0) log(`email: ${ownerGone} message(s) left in "sending" by a worker that is no longer running will be sent again (same Message-ID)`)
    if (notRenewed > 0) {
      log(`email: ${notRenewed} message(s) whose worker stopped renewing its claim for longer than the lease (${outbox.leaseMs} ms) will be sent again (same Message-ID)`)
    }
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
          for (const m of claim(room)) {
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
      const [m] = claim(1, id)
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
