#!/usr/bin/env node
// The text-message command line for caseworkers and operators: text the advice to a UK mobile, look at the texts in
// the queue, send one again. Numbers are only ever printed masked. Delivery is by the same worker `npm start` runs
// (`npm run email -- worker` delivers every channel); `send` delivers its own text at once.
import { Command } from 'commander'
import { announceSource, DEFAULT_LANGUAGE, LANGUAGE_CODES, loadContent, rules, siteUrlNotice, sourceFromEnv } from '@signpost/content'
import { createQueueWorker, IdempotencyConflictError, RateLimitError } from '@signpost/outbox'
import { createSmsChannel } from './channel.js'
import { AdviceSmsRequestError } from './request.js'
import { openSmsOutbox, type SmsMessage, type SmsOutbox } from './smsOutbox.js'
import { createSmsTransportFromEnv, readSmsFile } from './transport.js'

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

/** Texts carry the guide's address: say first when SIGNPOST_SITE_URL is unset or local; refuse so in production. */
function checkBeforeSending(env: NodeJS.ProcessEnv = process.env): void {
  const site = siteUrlNotice('send advice texts', env)
  if (site.refusal) throw new CliError(site.refusal)
  if (site.warning) err(site.warning)
}

function describe(m: SmsMessage): string[] {
  return [
    `id:          ${m.id}`,
    `status:      ${m.status}${m.notifyStatus ? ` (Notify: ${m.notifyStatus})` : ''}`,
    `to:          ${m.to}${m.purged ? ' (number erased)' : ''}`,
    `guide:       ${m.guide}${m.area ? ` (${m.area})` : ''}${m.neutral ? ', neutral' : ''}`,
    `language:    ${m.lang}`,
    `origin:      ${m.origin}`,
    `reference:   ${m.reference}`,
    `attempts:    ${m.attempts}`,
    `created:     ${m.createdAt}`,
    ...(m.nextAttemptAt && m.status === 'retrying' ? [`next try:    ${m.nextAttemptAt}`] : []),
    ...(m.sentAt ? [`sent:        ${m.sentAt}`] : []),
    ...(m.notificationId ? [`notify id:   ${m.notificationId}`] : []),
    ...(m.deliveredTo ? [`went to:     ${m.deliveredTo}`] : []),
    ...(m.lastError ? [`last error:  ${m.lastError}`] : []),
  ]
}

async function withOutbox<T>(fn: (outbox: SmsOutbox) => Promise<T> | T, withContent = false): Promise<T> {
  const content = withContent ? await loadContent() : undefined
  const outbox = await openSmsOutbox({ content })
  try {
    return await fn(outbox)
  } finally {
    await outbox.close()
  }
}

type SendOptions = { guide: string; to: string; area?: string; neutral?: boolean; queueOnly?: boolean; idempotencyKey?: string; lang?: string }

async function sendCommand(o: SendOptions): Promise<void> {
  await withOutbox(async (outbox) => {
    const { id, created } = await outbox.enqueue({
      guide: o.guide,
      to: o.to,
      area: o.area,
      lang: o.lang,
      neutral: Boolean(o.neutral),
      idempotencyKey: o.idempotencyKey,
      origin: 'cli',
    })
    const queued = await outbox.get(id)
    if (!queued) throw new CliError(`Text ${id} disappeared from the queue.`)
    if (!created) {
      out(`Already requested with this idempotency key: ${id} is ${queued.status}. Nothing new was queued.`)
      return
    }
    out(`Queued ${id}: "${queued.guide}" for ${queued.to} (outbox ${outbox.path}).`)
    if (o.queueOnly) {
      out('Not sending now (--queue-only): the worker will send it ("npm start", or "npm run email -- worker").')
      return
    }
    const transport = createSmsTransportFromEnv()
    out(`Sending via ${transport.description}`)
    const content = outbox.content
    const worker = createQueueWorker({
      queue: outbox.queue,
      channels: { sms: createSmsChannel({ transport, content: async () => content ?? (await loadContent()) }) },
      log: () => {},
    })
    await worker.deliver(id)
    const m = await outbox.get(id)
    if (!m) throw new CliError(`Text ${id} disappeared from the queue.`)
    if (m.status === 'sent') {
      if (transport.kind === 'file' && m.deliveredTo) {
        const text = readSmsFile(m.deliveredTo)
        out(`Sent: wrote ${m.deliveredTo} (${rules.describeSmsLength(rules.smsLength(text.body))}, as Notify counts). The text reads:\n\n${text.body}\n`)
      } else out(`Sent: GOV.UK Notify accepted it as ${m.notificationId}; its delivery receipt will be recorded ("npm run sms -- status ${id}").`)
    } else if (m.status === 'retrying') {
      throw new CliError(`Not sent yet: ${m.lastError} It stays in the queue and the worker will try again at ${m.nextAttemptAt}.`, 75)
    } else if (m.status === 'cancelled') {
      throw new CliError(`Not sent: it was cancelled before it could be sent ("npm run sms -- status ${id}").`)
    } else {
      throw new CliError(`Failed: ${m.lastError} It stays in the queue as failed ("npm run sms -- status ${id}").`)
    }
  }, true)
}

async function statusCommand(id: string | undefined, o: { json?: boolean; limit: string }): Promise<void> {
  await withOutbox(async (outbox) => {
    if (id) {
      const m = await outbox.get(id)
      if (!m) throw new CliError(`No text with id ${id} in ${outbox.path}.`)
      out(o.json ? JSON.stringify(m, null, 2) : describe(m).join('\n'))
      return
    }
    const counts = await outbox.counts()
    const list = await outbox.list({ limit: Number(o.limit) || 20 })
    if (o.json) return out(JSON.stringify({ outbox: outbox.path, counts, texts: list }, null, 2))
    out(`Texts in ${outbox.path}`)
    out(
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(' · '),
    )
    for (const m of list)
      out(
        `${m.id}  ${m.status.padEnd(9)}  ${String(m.attempts).padStart(2)}  ${m.createdAt}  ${m.to}  ${m.guide}${m.notifyStatus ? `  Notify: ${m.notifyStatus}` : ''}${m.lastError ? `  (${m.lastError.slice(0, 80)})` : ''}`,
      )
  })
}

async function retryCommand(id: string): Promise<void> {
  await withOutbox(async (outbox) => {
    const m = await outbox.retry(id)
    out(`${m.id} is queued again for ${m.to}; the worker will send it ("npm start", or "npm run email -- worker").`)
  })
}

export function program(): Command {
  const p = new Command('signpost-sms')
    .description('Text the advice to a UK mobile through GOV.UK Notify, from the one delivery queue.')
    .showHelpAfterError()
    .hook('preAction', (_program, command) => {
      if (command.name() === 'send') checkBeforeSending()
      announceSource(sourceFromEnv())
    })
  p.command('send')
    .description('Queue an advice text and send it now (a text file in var/sms without NOTIFY_API_KEY)')
    .requiredOption('--guide <slug>', 'guide to send, e.g. cyber-crime-and-fraud')
    .requiredOption('--to <mobile>', 'UK mobile number, 07… or +44 7…')
    .option('--area <slug>', 'area whose local services to include (default: the site default)')
    .option('--neutral', 'no service name, subject or guide address, for a reader whose phone may be seen by others')
    .option('--idempotency-key <key>', 'a request with a key already used sends nothing new')
    .option(
      '--lang <code>',
      `the language to text the guide in (${LANGUAGE_CODES.join(', ')}; default ${DEFAULT_LANGUAGE}), refused naming the languages it has when the guide is not translated into it`,
    )
    .option('--queue-only', 'only queue it; the worker sends it')
    .action(sendCommand)
  p.command('status [id]')
    .description('Show the texts in the queue, or one text')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many recent texts to list', '20')
    .action(statusCommand)
  p.command('retry <id>').description('Queue a failed text again').action(retryCommand)
  return p
}

program()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    if (e instanceof AdviceSmsRequestError || e instanceof RateLimitError || e instanceof IdempotencyConflictError) {
      err(`Error: ${e.message}`)
      process.exit(2)
    }
    err(`Error: ${(e as Error).message}`)
    process.exit(e instanceof CliError ? e.exitCode : 1)
  })
