// The delivery worker for every channel: claims due messages of the channels registered with it, hands each to its
// channel (render anything not yet stored, then send through that channel's transport), records sent / retrying /
// failed, renews its claims while it sends, recovers what a crash left in "sending", runs each channel's upkeep
// (such as asking a provider for receipts that did not come) and purges recipients past retention. It works on the
// QueueStore interface, so the same worker delivers from SQLite or from PostgreSQL (several of them, on several hosts).
import { WORKER_ID } from './policy.js'
import type { Channel, ClaimedQueueMessage, QueuedMessage, QueueStatus, QueueStore, SendFailure } from './store.js'
import { maskRecipientsIn } from './redact.js'

export type DeliveryResult = {
  /** Where the message went: a file path, "smtp host:port", "GOV.UK Notify". */
  where: string
  response?: string
  /** The provider's id for this attempt (Notify's notification id). */
  providerId?: string
  /** The provider reports delivery later (a receipt): the message is not finished until then. */
  awaitingReceipt?: boolean
}

/** What a channel gives the worker: its renderer and its transport, behind four calls. */
export type ChannelHandler = {
  /** What people call a message's stable reference in this channel's logs ("Message-ID", "reference"). */
  referenceName: string
  /** Renders (and stores, with queue.saveSnapshot) whatever the message does not carry yet. Throw NotFoundError for content that is gone. */
  prepare(message: ClaimedQueueMessage, queue: QueueStore): Promise<ClaimedQueueMessage>
  send(message: ClaimedQueueMessage): Promise<DeliveryResult>
  /** Tells a failure worth retrying from a permanent one. */
  classify(error: unknown): SendFailure
  /** Deletes delivered copies kept on this machine that are older than the cutoff (epoch ms); returns how many. */
  purgeOlderThan?(cutoff: number): number
  /** Periodic upkeep for this channel (at most every few seconds). */
  maintain?(queue: QueueStore, log: (line: string) => void): Promise<void>
}

export type QueueWorkerOptions = {
  queue: QueueStore
  channels: Partial<Record<Channel, ChannelHandler>>
  /** Messages claimed per round (default 50). */
  batchSize?: number
  /** Wait between rounds when nothing is due, ms (default 1000). */
  pollMs?: number
  /** How often recipients past retention are erased, ms (default hourly). */
  purgeEveryMs?: number
  log?: (line: string) => void
  /** This worker as recorded on the rows it claims (default host:pid). */
  workerId?: string
}

export type RoundResult = Record<Exclude<QueueStatus, 'queued' | 'sending' | 'cancelled'>, number>

export type QueueWorker = {
  /** One round: recover abandoned messages, claim a batch, deliver it. */
  runOnce(): Promise<RoundResult>
  /** Delivers one message now, in this process (a CLI's `send`). */
  deliver(id: string): Promise<QueuedMessage | undefined>
  /** Rounds until stop(); resolves when the last round has finished. */
  run(): Promise<void>
  stop(): Promise<void>
  /** Ends the current wait so a message queued just now is picked up at once. */
  nudge(): void
  /** Runs every channel's upkeep now (e.g. asking for missing receipts). */
  maintainChannels(): Promise<void>
}

const CHANNEL_UPKEEP_MS = 5_000

export function createQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const { queue } = options
  const handlers = options.channels
  const channels = (Object.keys(handlers) as Channel[]).filter((c) => handlers[c])
  if (channels.length === 0) throw new Error('A worker needs at least one channel (email or sms) to deliver.')
  const handlerFor = (c: Channel): ChannelHandler => {
    const h = handlers[c]
    if (!h) throw new Error(`This worker has no ${c} channel.`)
    return h
  }
  const batchSize = options.batchSize ?? 50
  const pollMs = options.pollMs ?? 1000
  const purgeEveryMs = options.purgeEveryMs ?? 60 * 60 * 1000
  const log = options.log ?? ((line: string) => console.error(line))
  const workerId = options.workerId ?? WORKER_ID
  let stopping = false
  let running: Promise<void> | undefined
  let wake: (() => void) | undefined
  let lastPurge = 0
  let lastUpkeep = 0
  let upkeep: Promise<void> | undefined

  // The heartbeat: while anything this worker claimed is still being prepared or sent (waiting for a pooled
  // connection, or for a slow server to answer), its claim is renewed three times per lease, so no other worker takes
  // back a message that is still on its way. Only a worker that is gone, or stopped renewing, loses it.
  const claimed = new Map<string, Channel>()
  let heartbeat: ReturnType<typeof setInterval> | undefined
  // One renewal at a time: a slow database must not pile up renewals behind each other.
  let renewing: Promise<void> | undefined
  function renewClaims(): Promise<void> {
    if (claimed.size === 0) return Promise.resolve()
    renewing ??= (async () => {
      try {
        for (const id of await queue.renewClaims([...claimed.keys()], workerId)) {
          const channel = claimed.get(id)
          if (!claimed.delete(id)) continue // finished while the renewal was on its way
          log(
            `${channel} ${id}: this worker went longer than the lease (${queue.leaseMs} ms) without renewing its claim, so it was taken back; it may arrive twice`,
          )
        }
      } catch (e) {
        log(`${channels.join('+')} worker: could not renew claims: ${(e as Error).message}`)
      }
    })().finally(() => (renewing = undefined))
    return renewing
  }
  async function claim(limit: number, id?: string): Promise<ClaimedQueueMessage[]> {
    const batch = await queue.claim(limit, { id, workerId, channels })
    for (const m of batch) claimed.set(m.id, m.channel)
    if (claimed.size > 0 && !heartbeat) {
      heartbeat = setInterval(() => void renewClaims(), Math.max(50, Math.floor(queue.leaseMs / 3)))
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

  async function deliverClaimed(m: ClaimedQueueMessage): Promise<QueueStatus> {
    try {
      return await deliverOne(m)
    } finally {
      release(m.id)
    }
  }

  async function deliverOne(m: ClaimedQueueMessage): Promise<QueueStatus> {
    const handler = handlerFor(m.channel)
    let prepared: ClaimedQueueMessage
    try {
      prepared = await handler.prepare(m, queue)
    } catch (e) {
      // Content that does not (or no longer) exist will not appear by retrying; a missing leaflet build might.
      const permanent = (e as Error).name === 'NotFoundError'
      const status = await queue.recordFailure(m.id, { permanent, message: (e as Error).message })
      log(`${m.channel} ${m.id} to ${m.to}: could not prepare (${status}): ${(e as Error).message}`)
      return status
    }
    try {
      const result = await handler.send(prepared)
      await queue.markSent(m.id, result)
      log(`${m.channel} ${m.id} to ${m.to}: sent (${result.where})`)
      return 'sent'
    } catch (e) {
      const classified = handler.classify(e)
      const failure = { ...classified, message: maskRecipientsIn(classified.message, [m.address, m.name]) }
      const status = await queue.recordFailure(m.id, failure)
      log(`${m.channel} ${m.id} to ${m.to}: ${status} after attempt ${m.attempts}: ${failure.message}`)
      return status
    }
  }

  async function maybePurge(): Promise<void> {
    if (Date.now() - lastPurge < purgeEveryMs) return
    lastPurge = Date.now()
    const { erased: n, walCleared, residue } = await queue.purge()
    let files = 0
    for (const c of channels) files += handlerFor(c).purgeOlderThan?.(Date.now() - queue.retentionMs) ?? 0
    const label = channels.join('+')
    if (n > 0 || files > 0) log(`${label}: erased the recipients of ${n} message(s) and ${files} delivered file(s) past the retention period`)
    if (n > 0 && !walCleared) log(`${label}: ${residue ?? `erased recipients may stay readable in ${queue.location} for a while`}`)
  }

  async function maintainChannels(): Promise<void> {
    for (const c of channels) {
      try {
        await handlerFor(c).maintain?.(queue, log)
      } catch (e) {
        log(`${c} upkeep: ${(e as Error).message}`)
      }
    }
  }

  async function maintain(): Promise<void> {
    await renewClaims()
    for (const c of channels) {
      const { ownerGone, notRenewed } = await queue.recoverAbandoned({ channels: [c] })
      const same = `same ${handlerFor(c).referenceName}`
      if (ownerGone > 0) log(`${c}: ${ownerGone} message(s) left in "sending" by a worker that is no longer running will be sent again (${same})`)
      if (notRenewed > 0) {
        log(
          `${c}: ${notRenewed} message(s) whose worker stopped renewing its claim for longer than the lease (${queue.leaseMs} ms) will be sent again (${same})`,
        )
      }
    }
    await maybePurge()
    if (!upkeep && Date.now() - lastUpkeep >= CHANNEL_UPKEEP_MS) {
      lastUpkeep = Date.now()
      upkeep = maintainChannels().finally(() => (upkeep = undefined))
    }
  }

  async function runOnce(): Promise<RoundResult> {
    await maintain()
    const batch = await claim(batchSize)
    const result: RoundResult = { sent: 0, retrying: 0, failed: 0 }
    const statuses = await Promise.all(batch.map(deliverClaimed))
    for (const s of statuses) if (s === 'sent' || s === 'retrying' || s === 'failed') result[s] += 1
    return result
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

  // Keeps up to batchSize messages in flight, topping up as they finish, so the transport never waits for the
  // slowest message of a batch. Claims are still atomic batches of rows.
  async function loop(): Promise<void> {
    const inflight = new Set<Promise<unknown>>()
    let lastMaintenance = 0
    while (!stopping) {
      try {
        if (Date.now() - lastMaintenance >= Math.min(pollMs, 1000)) {
          lastMaintenance = Date.now()
          await maintain()
        }
        const room = batchSize - inflight.size
        if (room >= Math.max(1, Math.floor(batchSize / 5))) {
          for (const m of await claim(room)) {
            const p: Promise<unknown> = deliverClaimed(m)
              .catch((e: unknown) => log(`${m.channel} ${m.id}: ${(e as Error).message}`))
              .finally(() => inflight.delete(p))
            inflight.add(p)
          }
        }
      } catch (e) {
        log(`${channels.join('+')} worker: ${(e as Error).message}`)
      }
      if (stopping) break
      if (inflight.size === 0) await sleep(pollMs)
      else await Promise.race(inflight)
    }
    await Promise.all(inflight)
    await upkeep
    await renewing
  }

  return {
    runOnce,
    maintainChannels,
    async deliver(id) {
      const [m] = await claim(1, id)
      if (m) await deliverClaimed(m)
      return queue.get(id)
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
