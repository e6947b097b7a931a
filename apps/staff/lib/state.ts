// One set of long-lived objects per server process (database, content, outbox, sign-in secret, print jobs). Next bundles
// each page and API route separately, so module-level variables would be copied per route: they live on globalThis.
import { randomBytes } from 'node:crypto'
import { loadContent, sourceFromEnv, type Content } from '@signpost/content'
import { openOutbox, type Outbox } from '@signpost/email'
import { openSmsOutbox, type SmsOutbox } from '@signpost/sms'
import { openStaffDb, type StaffDb } from './staffDb'

export type OneTimeLink = { tokenHash: string; expiresAt: number; used: boolean }

export type PackJob = {
  id: string
  owner: string
  status: 'building' | 'done' | 'failed'
  pagesDone: number
  pagesTotal: number
  file: string
  fileName: string
  summary: string
  /** SIGNPOST_SITE_URL is unset or local: the leaflets' links and QR codes will not reach readers. */
  warning?: string
  error?: string
  startedAt: number
}

export type Draft = {
  key: string
  owner: string
  /** email: `to` is an address; sms: `to` is a UK mobile number. */
  channel: 'email' | 'sms'
  guide: string
  area: string
  /** The language to send the guide in (a code from SUPPORTED_LANGUAGES). */
  lang: string
  to: string
  neutral: boolean
  attachLeaflet: boolean
  createdAt: number
  /** Why the outbox refused it, in its own words (shown above the form). */
  error?: string
  /** Set once sent: the outbox message id. */
  messageId?: string
}

type StaffState = {
  db?: StaffDb
  content?: Promise<Content>
  outbox?: Promise<Outbox>
  smsOutbox?: Promise<SmsOutbox>
  sessionKey?: Buffer
  oneTimeLink?: OneTimeLink
  jobs: Map<string, PackJob>
  drafts: Map<string, Draft>
}

const g = globalThis as typeof globalThis & { __signpostStaff?: StaffState }

export function state(): StaffState {
  g.__signpostStaff ??= { jobs: new Map(), drafts: new Map() }
  return g.__signpostStaff
}

export function staffDb(): StaffDb {
  const s = state()
  s.db ??= openStaffDb()
  return s.db
}

export function content(): Promise<Content> {
  const s = state()
  s.content ??= loadContent({ source: sourceFromEnv() }).catch((e: unknown) => {
    s.content = undefined
    throw e
  })
  return s.content
}

/** The queue (DATABASE_URL's PostgreSQL, else the SQLite file), opened and migrated once per process; a failed open is tried again next time. */
export function outbox(): Promise<Outbox> {
  const s = state()
  s.outbox ??= content()
    .then((c) => openOutbox({ content: c }))
    .catch((e: unknown) => {
      s.outbox = undefined
      throw e
    })
  return s.outbox
}

/** The same queue, read and written as the sms channel's door to it (@signpost/sms): one connection for both. */
export function smsOutbox(): Promise<SmsOutbox> {
  const s = state()
  s.smsOutbox ??= Promise.all([content(), outbox()])
    .then(([c, box]) => openSmsOutbox({ content: c, queue: box.queue }))
    .catch((e: unknown) => {
      s.smsOutbox = undefined
      throw e
    })
  return s.smsOutbox
}

/** The key sessions are signed with: from STAFF_SESSION_SECRET, else random for this start (sessions end on restart). */
export function sessionKey(): Buffer {
  const s = state()
  if (!s.sessionKey) {
    const secret = process.env.STAFF_SESSION_SECRET
    if (secret && secret.length < 32) throw new Error('STAFF_SESSION_SECRET must be at least 32 characters long.')
    s.sessionKey = secret ? Buffer.from(secret, 'utf8') : randomBytes(32)
  }
  return s.sessionKey
}
