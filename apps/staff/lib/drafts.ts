// An advice email being prepared: what the form asked for, kept in this server's memory (never in a URL) between
// the form, the preview and "Send". Its key is made when the form is rendered and is the outbox idempotency key,
// so a double click or a refresh of "Send" queues one message.
import { randomUUID } from 'node:crypto'
import { state, type Draft } from './state'

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const HOUR = 60 * 60 * 1000

export function newFormKey(): string {
  return randomUUID()
}

export function isFormKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value)
}

export function saveDraft(draft: Draft): void {
  const drafts = state().drafts
  for (const [k, d] of drafts) if (Date.now() - d.createdAt > HOUR) drafts.delete(k)
  drafts.set(draft.key, draft)
}

export function draftFor(key: unknown, owner: string): Draft | undefined {
  if (!isFormKey(key)) return undefined
  const d = state().drafts.get(key)
  return d && d.owner === owner ? d : undefined
}
