// The sms channel for the queue's worker: renders a text not yet stored, sends it through the transport (Notify or
// var/sms), and keeps it exactly once: before any attempt after the first, Notify is asked what it already accepted
// under the message's reference, so a crash or a timeout after Notify said 201 never becomes a second text. Its
// upkeep asks Notify for the status of texts whose delivery receipt has not come.
import type { Content } from '@signpost/content'
import { envNumber, type ChannelHandler, type QueueStore } from '@signpost/outbox'
import { isLiveOrDelivered, outcomeOf, reasonFor } from './notifyStatus.js'
import { languageOfMessage, renderSmsSnapshot } from './smsOutbox.js'
import { classifyNotifyError, type SmsTransport } from './transport.js'

export type SmsChannelOptions = {
  transport: SmsTransport
  content: () => Promise<Content>
  env?: NodeJS.ProcessEnv
  /** Ask Notify about a text with no receipt this long after it was accepted (SMS_RECEIPT_POLL_MS, default 10 minutes). */
  pollAfterMs?: number
}

export function createSmsChannel(options: SmsChannelOptions): ChannelHandler {
  const { transport } = options
  const env = options.env ?? process.env
  const pollAfterMs = options.pollAfterMs ?? envNumber(env.SMS_RECEIPT_POLL_MS, 10 * 60 * 1000)
  return {
    referenceName: 'reference',
    async prepare(m, queue) {
      if (m.snapshot) return m
      const snapshot = renderSmsSnapshot(await options.content(), {
        guide: m.guide,
        area: m.area,
        neutral: m.options.neutral === true,
        lang: languageOfMessage(m.options),
      })
      await queue.saveSnapshot(m.id, snapshot)
      return { ...m, snapshot }
    },
    async send(m) {
      if (!m.address) throw Object.assign(new Error('The number has been erased; this text can no longer be sent.'), { permanent: true })
      const body = typeof m.snapshot?.body === 'string' ? m.snapshot.body : undefined
      if (!body) throw Object.assign(new Error(`Text ${m.id} has no rendering to send.`), { permanent: true })
      if (m.attempts > 1) {
        // Did an earlier attempt reach Notify after all (a crash or time-out after its 201)? Then that is the text.
        const same = (await transport.findByReference(m.reference)).find((n) => isLiveOrDelivered(n.status))
        if (same)
          return {
            where: transport.kind === 'file' ? same.id : 'GOV.UK Notify',
            response: `already accepted as ${same.id}`,
            providerId: same.id,
            awaitingReceipt: transport.kind === 'notify',
          }
      }
      const result = await transport.send({ to: m.address, body, reference: m.reference, masked: m.to })
      return { where: result.where, response: result.response, providerId: result.notificationId, awaitingReceipt: result.awaitingReceipt }
    },
    classify(error) {
      if ((error as { permanent?: boolean }).permanent === true) return { permanent: true, message: (error as Error).message }
      return classifyNotifyError(error)
    },
    purgeOlderThan: (cutoff) => transport.purgeOlderThan(cutoff),
    async maintain(queue, log) {
      if (transport.kind !== 'notify') return
      await pollReceipts(queue, transport, Date.now() - pollAfterMs, log)
    },
  }
}

/** Asks Notify for the status of texts accepted before `sentBefore` that have had no final receipt; records what it says. */
export async function pollReceipts(queue: QueueStore, transport: SmsTransport, sentBefore: number, log: (line: string) => void = () => {}): Promise<number> {
  let recorded = 0
  for (const m of await queue.awaitingReceipt({ channel: 'sms', sentBefore, limit: 50 })) {
    if (!m.providerId) continue
    try {
      const n = await transport.status(m.providerId)
      const outcome = outcomeOf(n.status)
      if (outcome === 'pending' && m.receipt?.status === n.status) continue
      const after = await queue.recordReceipt(m.providerId, { status: n.status, outcome, reason: reasonFor(n.status) })
      recorded += 1
      log(`sms ${m.id} to ${m.to}: Notify says ${n.status} (asked, no receipt came)${after ? `; now ${after.status}` : ''}`)
    } catch (e) {
      const failure = classifyNotifyError(e)
      if (failure.responseCode === 404) {
        // Notify keeps a notification for 7 days: one it no longer has will get no receipt. It ends, so retention can erase it.
        await queue.recordReceipt(m.providerId, { status: 'unknown', outcome: 'delivered' })
        log(`sms ${m.id} to ${m.to}: Notify no longer has notification ${m.providerId}; its delivery is not known`)
      } else log(`sms ${m.id}: could not ask Notify for its status: ${failure.message}`)
    }
  }
  return recorded
}
