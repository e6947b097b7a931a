// Delivery of texts, configured only from the environment: through GOV.UK Notify with its official Node client
// (NOTIFY_API_KEY, NOTIFY_SMS_TEMPLATE_ID: a template whose whole body is ((body)); NOTIFY_API_URL only for a local
// stand-in), or, with no key, each text written as a file under var/sms (SMS_OUTBOX_DIR) that any editor opens.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot, type SendFailure } from '@signpost/outbox'
import { NotifyClient } from 'notifications-node-client'

export type SmsToSend = { to: string; body: string; reference: string; masked: string }

export type SmsSendResult = { where: string; response: string; notificationId?: string; awaitingReceipt: boolean }

/** A notification as Notify reports it (GET /v2/notifications/{id}). */
export type NotifyNotification = { id: string; reference?: string | null; status: string; completed_at?: string | null }

export type SmsTransport = {
  kind: 'notify' | 'file'
  /** One line for people: where texts go. */
  description: string
  send(sms: SmsToSend): Promise<SmsSendResult>
  /** What the provider already accepted under this reference (so a resend after a crash or a timeout is not a second text). */
  findByReference(reference: string): Promise<NotifyNotification[]>
  /** The provider's current status of one notification (the fallback when no receipt comes). */
  status(notificationId: string): Promise<NotifyNotification>
  purgeOlderThan(cutoff: number): number
}

export function defaultSmsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SMS_OUTBOX_DIR || join(repoRoot(), 'var', 'sms')
}

/** No Notify key: each text becomes var/sms/<time>-<reference>.txt, written whole (temporary file, then renamed). */
export function fileSmsTransport(dir: string): SmsTransport {
  const fileFor = (reference: string) => readdirSync(dir).find((f) => f.endsWith(`-${reference}.txt`))
  return {
    kind: 'file',
    description: `text files in ${dir} (no NOTIFY_API_KEY set)`,
    async send(sms) {
      mkdirSync(dir, { recursive: true })
      const existing = fileFor(sms.reference)
      if (existing) return { where: join(dir, existing), response: 'already written', awaitingReceipt: false }
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${sms.reference}.txt`
      const path = join(dir, name)
      writeFileSync(`${path}.tmp`, `To: ${sms.to}\nReference: ${sms.reference}\n\n${sms.body}\n`)
      renameSync(`${path}.tmp`, path)
      return { where: path, response: 'written', awaitingReceipt: false }
    },
    async findByReference(reference) {
      if (!existsSync(dir)) return []
      const f = fileFor(reference)
      return f ? [{ id: f, reference, status: 'delivered' }] : []
    },
    async status(id) {
      return { id, status: existsSync(join(dir, id)) ? 'delivered' : 'permanent-failure' }
    },
    purgeOlderThan(cutoff) {
      if (!existsSync(dir)) return 0
      let n = 0
      for (const f of readdirSync(dir)) {
        const p = join(dir, f)
        if (f.endsWith('.txt') && statSync(p).mtimeMs < cutoff) {
          rmSync(p, { force: true })
          n += 1
        }
      }
      return n
    },
  }
}

type ApiClientWithRest = { apiClient: { restClient: (options: object) => Promise<unknown> } }

/** GOV.UK Notify through notifications-node-client; every request gives up after `timeoutMs` (default 15 s). */
export function notifySmsTransport(options: { apiKey: string; templateId: string; baseUrl?: string; timeoutMs?: number }): SmsTransport {
  const client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey)
  // The client uses axios with no timeout: a Notify that never answers would hold a text for ever.
  const rest = (client as unknown as ApiClientWithRest).apiClient.restClient
  const timeout = options.timeoutMs ?? 15_000
  client.setClient(((o: object) => rest({ ...o, timeout })) as unknown as Parameters<NotifyClient['setClient']>[0])
  const where = options.baseUrl ? `GOV.UK Notify at ${new URL(options.baseUrl).host}` : 'GOV.UK Notify'
  return {
    kind: 'notify',
    description: `${where} (template ${options.templateId})`,
    async send(sms) {
      const response = await client.sendSms(options.templateId, sms.to, { personalisation: { body: sms.body }, reference: sms.reference })
      return { where, response: `201 ${response.data.id}`, notificationId: response.data.id, awaitingReceipt: true }
    },
    async findByReference(reference) {
      const response = await client.getNotifications('sms', undefined, reference)
      return (response.data.notifications as NotifyNotification[]).filter((n) => n.reference === reference)
    },
    async status(id) {
      const response = await client.getNotificationById(id)
      return response.data as NotifyNotification
    },
    purgeOlderThan: () => 0,
  }
}

export function createSmsTransportFromEnv(env: NodeJS.ProcessEnv = process.env): SmsTransport {
  const apiKey = env.NOTIFY_API_KEY?.trim()
  if (!apiKey) return fileSmsTransport(defaultSmsDir(env))
  const templateId = env.NOTIFY_SMS_TEMPLATE_ID?.trim()
  if (!templateId)
    throw new Error('NOTIFY_API_KEY is set but NOTIFY_SMS_TEMPLATE_ID is not: set it to the id of a Notify text message template whose body is ((body)).')
  if (apiKey.length < 74)
    throw new Error(
      'NOTIFY_API_KEY does not look like a GOV.UK Notify API key (name-serviceid-secret, at least 74 characters). Copy it again from Notify\'s "API integration" page.',
    )
  return notifySmsTransport({ apiKey, templateId, baseUrl: env.NOTIFY_API_URL?.trim() || undefined, timeoutMs: Number(env.NOTIFY_TIMEOUT_MS) || undefined })
}

type NotifyError = {
  response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] }; headers?: Record<string, string | undefined> }
  code?: string
  message?: string
}

/**
 * Notify's errors as the queue needs them: a 400 (not a valid mobile number, a team-only key) is permanent; a 403
 * (the key), 429 (rate or daily limit), 5xx and network errors are tried again later, as Notify's documentation advises.
 */
export function classifyNotifyError(error: unknown): SendFailure {
  const e = error as NotifyError
  const status = e.response?.status
  if (status === undefined)
    return { permanent: false, message: `GOV.UK Notify could not be reached (${e.code ?? e.message ?? String(error)}); trying again later.` }
  const errors = (e.response?.data?.errors ?? []).map((x) => `${x.error ?? 'Error'}: ${x.message ?? ''}`.trim()).join('; ') || e.message || 'no details'
  const retryAfter = Number(e.response?.headers?.['retry-after'])
  if (status === 400) return { permanent: true, responseCode: status, message: `GOV.UK Notify refused the text: ${errors}` }
  if (status === 403) return { permanent: false, responseCode: status, message: `GOV.UK Notify refused the API key (check NOTIFY_API_KEY): ${errors}` }
  if (status === 429)
    return {
      permanent: false,
      responseCode: status,
      message: `GOV.UK Notify's limit was reached: ${errors}`,
      ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    }
  return { permanent: false, responseCode: status, message: `GOV.UK Notify had an error (${status}): ${errors}` }
}

/** Reads a text file the file transport wrote (for the CLI and tests). */
export function readSmsFile(path: string): { to: string; reference: string; body: string } {
  const [head = '', ...rest] = readFileSync(path, 'utf8').split('\n\n')
  const field = (name: string) =>
    head
      .split('\n')
      .find((l) => l.startsWith(`${name}: `))
      ?.slice(name.length + 2) ?? ''
  return { to: field('To'), reference: field('Reference'), body: rest.join('\n\n').replace(/\n$/, '') }
}
