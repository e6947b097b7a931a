// GOV.UK Notify's delivery-receipt callback: Notify POSTs {id, reference, to, status, …} to our URL with
// "Authorization: Bearer <the token we gave it>" (NOTIFY_CALLBACK_TOKEN). The token is checked in constant time, the
// receipt is matched to the attempt Notify knows by that id, and the queue records it: delivered, failed for good
// (the reason kept) or sent again later. A receipt for an older attempt, or a repeat, changes nothing.
import { timingSafeEqual } from 'node:crypto'
import type { QueueStore } from '@signpost/outbox'
import { outcomeOf, reasonFor } from './notifyStatus.js'
import { smsView, type SmsMessage } from './smsOutbox.js'

export type ReceiptAnswer = { status: 200 | 400 | 401 | 503; body: { ok: boolean; message: string; message_status?: string; text?: SmsMessage } }

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(authorization ?? '')
  if (!m?.[1]) return false
  const given = Buffer.from(m[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function handleDeliveryReceipt(queue: QueueStore, input: { authorization?: string; body: unknown; token?: string }): Promise<ReceiptAnswer> {
  if (!input.token)
    return { status: 503, body: { ok: false, message: 'Delivery receipts are not set up: set NOTIFY_CALLBACK_TOKEN and give Notify the same token.' } }
  if (!bearerMatches(input.authorization, input.token)) return { status: 401, body: { ok: false, message: 'Missing or wrong bearer token.' } }
  const b = input.body as { id?: unknown; status?: unknown; notification_type?: unknown } | null
  if (!b || typeof b !== 'object' || typeof b.id !== 'string' || typeof b.status !== 'string') {
    return { status: 400, body: { ok: false, message: 'A delivery receipt needs "id" and "status" (Notify\'s callback JSON).' } }
  }
  if (b.notification_type !== undefined && b.notification_type !== 'sms')
    return { status: 200, body: { ok: true, message: `Ignored: a ${String(b.notification_type)} receipt.` } }
  const m = await queue.recordReceipt(b.id, { status: b.status, outcome: outcomeOf(b.status), reason: reasonFor(b.status) })
  // Notify retries a callback that is not answered 2xx: one for an older attempt, or an erased text, is acknowledged.
  if (!m)
    return {
      status: 200,
      body: { ok: true, message: 'Ignored: no text is waiting for a receipt with this id (an older attempt of a text sent again, or one erased).' },
    }
  return { status: 200, body: { ok: true, message: 'Recorded.', message_status: b.status, text: smsView(m) } }
}
