#!/usr/bin/env node
// The email command line for caseworkers and operators: send an advice sheet, look at the outbox, run the worker or
// the HTTP API, retry, purge. Addresses are only ever printed masked.
import { Command, InvalidArgumentError } from 'commander'
import { announceSource, DEFAULT_LANGUAGE, LANGUAGE_CODES, loadContent, siteUrlNotice, sourceFromEnv } from '@signpost/content'
import { createApiServer } from './api.js'
import { IdempotencyConflictError, openOutbox, RateLimitError, type Outbox, type OutboxMessage } from './outbox.js'
import { createRateLimiter } from './rateLimiter.js'
import { AdviceEmailRequestError } from './request.js'
import { createTransportFromEnv, dkimAlignmentWarning } from './transport.js'
import { cachedContent, createWorker } from './worker.js'
import { createSmsChannel, createSmsTransportFromEnv, openSmsOutbox } from '@signpost/sms'
import { queueFromEnv } from '@signpost/outbox'

const out = (line: string) => process.stdout.write(`${line}\n`)
const err = (line: string) => process.stderr.write(`${line}\n`)

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** The server's reply as stored: it usually starts with its own code already ("550 5.1.1 …"), so the code is added only when it does not. */
function replyOf(m: Pick<OutboxMessage, 'lastError' | 'lastResponseCode'>): string {
  const reply = m.lastError ?? ''
  return m.lastResponseCode && !reply.startsWith(String(m.lastResponseCode)) ? `${m.lastResponseCode} ${reply}` : reply
}

/**
 * Commands that send addresses to readers (each email links to the site) say first when SIGNPOST_SITE_URL is unset or
 * local, and refuse to run so with NODE_ENV=production. Then any DKIM set-up that will fail DMARC alignment.
 */
function checkBeforeSending(env: NodeJS.ProcessEnv = process.env): void {
  const site = siteUrlNotice('send advice emails', env)
  if (site.refusal) throw new CliError(site.refusal)
  if (site.warning) err(site.warning)
  const dkim = dkimAlignmentWarning(env)
  if (dkim) err(dkim)
}

function describe(m: OutboxMessage): string[] {
  return [
    `id:          ${m.id}`,
    `status:      ${m.status}`,
    `to:          ${m.to}${m.purged ? ' (address erased)' : ''}`,
    `guide:       ${m.guide}${m.area ? ` (${m.area})` : ''}${m.attachLeaflet ? ', leaflet attached' : ''}${m.neutral ? ', neutral subject' : ''}`,
    `language:    ${m.lang}`,
    `origin:      ${m.origin}`,
    `message-id:  ${m.messageId}`,
    `attempts:    ${m.attempts}`,
    `created:     ${m.createdAt}`,
    ...(m.nextAttemptAt && m.status === 'retrying' ? [`next try:    ${m.nextAttemptAt}`] : []),
    ...(m.sentAt ? [`sent:        ${m.sentAt}`] : []),
    ...(m.deliveredTo ? [`went to:     ${m.deliveredTo}`] : []),
    ...(m.lastError ? [`last error:  ${replyOf(m)}`] : []),
  ]
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('Give a whole number from 0 to 65535.')
  return n
}

async function withOutbox<T>(fn: (outbox: Outbox) => Promise<T> | T, withContent = false): Promise<T> {
  const content = withContent ? await loadContent() : undefined
  const outbox = await openOutbox({ content })
  try {
    return await fn(outbox)
  } finally {
    await outbox.close()
  }
}

type SendOptions = {
  guide: string
  to: string
  name?: string
  area?: string
  lang?: string
  attachLeaflet?: boolean
  neutral?: boolean
  queueOnly?: boolean
  idempotencyKey?: string
}

async function sendCommand(o: SendOptions): Promise<void> {
  await withOutbox(async (outbox) => {
    const { id, created } = await outbox.enqueue({
      guide: o.guide,
      to: o.to,
      name: o.name,
      area: o.area,
      lang: o.lang,
      attachLeaflet: Boolean(o.attachLeaflet),
      neutral: Boolean(o.neutral),
      idempotencyKey: o.idempotencyKey,
      origin: 'cli',
    })
    const queued = (await outbox.get(id))!
    if (!created) {
      out(`Already requested with this idempotency key: ${id} is ${queued.status}. Nothing new was queued.`)
      return
    }
    out(`Queued ${id}: "${queued.guide}" for ${queued.to} (outbox ${outbox.path}).`)
    if (o.queueOnly) {
      out('Not sending now (--queue-only): the worker will deliver it ("npm run email -- worker").')
      return
    }
    const transport = createTransportFromEnv()
    out(`Delivering via ${transport.description}`)
    try {
      const worker = createWorker({ outbox, transport, log: () => {} })
      const m = await worker.deliver(id)
      if (!m) throw new CliError(`Message ${id} disappeared from the outbox.`)
      if (m.status === 'sent') {
        out(
          transport.kind === 'file'
            ? `Sent: wrote ${m.deliveredTo} (open it with any mail program).`
            : `Sent: delivered to ${m.deliveredTo?.replace(/^smtp /, 'SMTP server ')}.`,
        )
      } else if (m.status === 'retrying') {
        throw new CliError(
          `Not sent yet: ${m.lastError}. It stays in the outbox and the worker will try again at ${m.nextAttemptAt} ("npm run email -- worker").`,
          75,
        )
      } else if (m.status === 'cancelled') {
        throw new CliError(`Not sent: it was cancelled before it could be delivered ("npm run email -- status ${id}").`)
      } else {
        throw new CliError(`Failed: ${replyOf(m)}. It stays in the outbox as failed ("npm run email -- status ${id}").`)
      }
    } finally {
      transport.close()
    }
  }, true)
}

async function statusCommand(id: string | undefined, o: { json?: boolean; limit: number }): Promise<void> {
  await withOutbox(async (outbox) => {
    if (id) {
      const m = await outbox.get(id)
      if (!m) throw new CliError(`No message with id ${id} in ${outbox.path}.`)
      out(o.json ? JSON.stringify(m, null, 2) : describe(m).join('\n'))
      return
    }
    const counts = await outbox.counts()
    const list = await outbox.list({ limit: o.limit })
    if (o.json) return out(JSON.stringify({ outbox: outbox.path, counts, messages: list }, null, 2))
    out(`Outbox ${outbox.path}`)
    out(
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
    )
    for (const m of list) {
      out(
        `${m.id}  ${m.status.padEnd(9)}  ${String(m.attempts).padStart(2)}  ${m.createdAt}  ${m.to.padEnd(24)}  ${m.guide}${m.lastError ? `  (${m.lastError.slice(0, 80)})` : ''}`,
      )
    }
  })
}

function onSignals(stop: () => Promise<void>): void {
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    err(`email: ${signal} received, finishing the current batch and stopping.`)
    void stop().then(() => process.exit(0))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
}

/** The sms channel the same worker delivers (texts queued by `npm run sms` or POST /v1/advice-sms). */
function smsChannel() {
  const transport = createSmsTransportFromEnv()
  return { transport, channel: createSmsChannel({ transport, content: cachedContent(undefined) }) }
}

/** What a start's migrations did, in one line (nothing when the schema was already current). */
const saidMigrated =
  (who: string) =>
  ({ applied, already }: { applied: string[]; already: string[] }): void => {
    if (applied.length > 0) err(`${who}: applied the outbox migration(s) ${applied.join(', ')} (${applied.length + already.length} in all)`)
  }

async function workerCommand(): Promise<void> {
  const outbox = await openOutbox({ onMigrated: saidMigrated('email worker') })
  const transport = createTransportFromEnv()
  const sms = smsChannel()
  err(`email worker: outbox ${outbox.path}; delivering via ${transport.description}`)
  err(`email worker: texts from the same outbox go to ${sms.transport.description}`)
  const worker = createWorker({ outbox, transport, otherChannels: { sms: sms.channel } })
  onSignals(async () => {
    await worker.stop()
    transport.close()
    await outbox.close()
  })
  await worker.run()
}

async function serveCommand(o: { port: number; host: string }): Promise<void> {
  const keys = (process.env.EMAIL_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
  if (keys.length === 0)
    throw new CliError('Set EMAIL_API_KEYS (comma-separated bearer keys) before starting the API: without keys every request would be refused.')
  const content = await loadContent()
  const outbox = await openOutbox({ content, onMigrated: saidMigrated('email api') })
  // One queue (one PostgreSQL pool) for both doors and the shared per-key limit.
  const smsOutbox = await openSmsOutbox({ content, queue: outbox.queue })
  const transport = createTransportFromEnv()
  const sms = smsChannel()
  const worker = createWorker({ outbox, transport, otherChannels: { sms: sms.channel } })
  const limit = Number(process.env.EMAIL_API_RATE_LIMIT) || 60
  const server = createApiServer({
    outbox,
    apiKeys: keys,
    keyLimiter: createRateLimiter({ store: outbox.queue, name: 'api-key', limit, windowMs: 60_000 }),
    onQueued: () => worker.nudge(),
    sms: { outbox: smsOutbox, callbackToken: process.env.NOTIFY_CALLBACK_TOKEN?.trim() || undefined },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : o.port
  err(
    `email api: listening on http://${o.host}:${port}/v1/advice-emails and /v1/advice-sms; outbox ${outbox.path}; delivering via ${transport.description}; texts via ${sms.transport.description}`,
  )
  if (!process.env.NOTIFY_CALLBACK_TOKEN)
    err(
      'email api: NOTIFY_CALLBACK_TOKEN is not set, so Notify delivery receipts (/v1/notify/delivery-receipts) are refused; the worker asks Notify for each status instead.',
    )
  onSignals(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await worker.stop()
    transport.close()
    await smsOutbox.close()
    await outbox.close()
  })
  await worker.run()
}

async function retryCommand(id: string): Promise<void> {
  await withOutbox(async (outbox) => {
    const m = await outbox.retry(id)
    out(`${m.id} is queued again for ${m.to}; the worker will send it ("npm run email -- worker").`)
  })
}

/** Cancels a queued or waiting message of either channel (the one queue), unless a worker has already taken it. */
async function cancelCommand(id: string): Promise<void> {
  await withOutbox(async (outbox) => {
    const result = await outbox.queue.cancel(id, 'the email command line')
    if (!result.cancelled) throw new CliError(result.reason)
    const m = result.message
    out(`Cancelled ${m.id} (${m.channel === 'sms' ? 'text' : 'email'} to ${m.to}): it will never be sent.`)
  })
}

async function purgeCommand(): Promise<void> {
  await withOutbox(async (outbox) => {
    const { erased: n, walCleared, residue } = await outbox.purge()
    const transport = createTransportFromEnv()
    const files = transport.purgeOlderThan(Date.now() - outbox.retentionMs)
    transport.close()
    out(
      `Erased the recipient address of ${n} message(s) that finished more than ${outbox.retentionMs / 86_400_000} days ago (outbox ${outbox.path}), and ${files} delivered .eml file(s) that old.`,
    )
    if (n > 0 && !walCleared)
      err(
        outbox.queue.backend === 'sqlite'
          ? `Warning: another process (the worker or the site) kept ${outbox.path}-wal in use, so the erased addresses stay in that file until its next checkpoint. Run purge again when they are stopped.`
          : `Warning: ${residue ?? 'the erased addresses may stay readable in the database files for a while.'}`,
      )
  })
}

/** Applies the queue's pending schema migrations (SQLite file or PostgreSQL) and says what it did. Every start does the same. */
async function migrateCommand(): Promise<void> {
  const queue = await queueFromEnv(process.env, { migrate: false })
  try {
    const { applied, already } = await queue.migrate()
    out(`Outbox ${queue.location} (${queue.backend}):`)
    if (applied.length === 0) out(`nothing to do: all ${already.length} migrations were already applied (the last: ${already.at(-1) ?? 'none'}).`)
    for (const name of applied) out(`applied ${name}`)
    if (applied.length > 0) out(`${applied.length} migration(s) applied; ${already.length} were already applied before.`)
  } finally {
    await queue.close()
  }
}

export function program(): Command {
  const p = new Command('signpost-email')
    .description('Email advice sheets through the durable outbox.')
    .showHelpAfterError()
    .hook('preAction', (_program, command) => {
      if (['send', 'worker', 'serve'].includes(command.name())) checkBeforeSending()
      announceSource(sourceFromEnv())
    })
  p.command('send')
    .description('Queue an advice email and deliver it now (.eml file in var/mail without SMTP_URL)')
    .requiredOption('--guide <slug>', 'guide to send, e.g. cyber-crime-and-fraud')
    .requiredOption('--to <address>', 'recipient email address')
    .option('--name <name>', "recipient's name for the To: line")
    .option('--area <slug>', 'area whose local services to include (default: the site default)')
    .option('--lang <code>', `the language to send the guide in (${LANGUAGE_CODES.join(', ')}; default ${DEFAULT_LANGUAGE}); the leaflet attached is in it too`)
    .option('--attach-leaflet', 'attach the PDF leaflet')
    .option('--neutral', 'neutral subject and sender name, for a reader whose inbox may be seen by others')
    .option('--idempotency-key <key>', 'a request with a key already used sends nothing new')
    .option('--queue-only', 'only queue it; the worker delivers it')
    .action(sendCommand)
  p.command('status [id]')
    .description('Show the outbox, or one message')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many recent messages to list', positiveInt, 20)
    .action(statusCommand)
  p.command('worker').description('Deliver queued emails and texts until stopped (SIGINT/SIGTERM)').action(workerCommand)
  p.command('serve')
    .description('Run the HTTP API (POST/GET /v1/advice-emails and /v1/advice-sms, Notify receipts) and the worker')
    .option('--port <port>', 'port to listen on', positiveInt, Number(process.env.EMAIL_API_PORT) || 3100)
    .option('--host <host>', 'address to listen on', process.env.EMAIL_API_HOST || '127.0.0.1')
    .action(serveCommand)
  p.command('retry <id>').description('Queue a failed message again').action(retryCommand)
  p.command('cancel <id>').description('Cancel a queued or waiting email or text before a worker takes it').action(cancelCommand)
  p.command('purge').description('Erase recipient addresses past EMAIL_RETENTION_DAYS (default 30)').action(purgeCommand)
  p.command('migrate')
    .description("Apply the outbox's pending schema migrations (DATABASE_URL's PostgreSQL, else the SQLite file) and list them")
    .action(migrateCommand)
  return p
}

program()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    if (e instanceof AdviceEmailRequestError || e instanceof RateLimitError || e instanceof IdempotencyConflictError) {
      err(`Error: ${e.message}`)
      process.exit(2)
    }
    err(`Error: ${(e as Error).message}`)
    process.exit(e instanceof CliError ? e.exitCode : 1)
  })
