// SMS benchmark: render time per advice text, and queue throughput (enqueue + the worker sending through the real
// notifications-node-client) against the raw client sending the same texts, both to the local stand-in of GOV.UK
// Notify on 127.0.0.1, side by side in one run, as a ratio. Bounded: fixed counts, loopback only, a hard time limit.
// Writes the figures under "## SMS" in BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadContent, viewGuide } from '@signpost/content'
import { createQueueWorker } from '@signpost/outbox'
import { NotifyClient } from 'notifications-node-client'
import { createSmsChannel, notifySmsTransport, openSmsOutbox, renderAdviceSms } from '../src/index.js'
import { API_KEY, startNotifyStandIn, TEMPLATE_ID } from '../src/testing/notifyStandIn.js'

// The repository's one writer of BENCHMARKS.md (plain JavaScript, so imported untyped).
const benchmarks = '../../../scripts/benchmarks.mjs'
const { writeBenchmarkSection } = (await import(benchmarks)) as { writeBenchmarkSection: (markdown: string) => string }

const TEXTS = Number(process.env.BENCH_SMS_TEXTS) || 2000
const RENDERS = 2000
const IN_FLIGHT = 50
const LIMIT_MS = 240_000

const deadline = setTimeout(() => {
  console.error(`sms bench: gave up after ${LIMIT_MS / 1000} s`)
  process.exit(1)
}, LIMIT_MS)
deadline.unref()

const content = await loadContent()
const view = viewGuide(content, 'cyber-crime-and-fraud')
const number = (i: number) => `+447711${String(i).padStart(6, '0')}` // none ends 900999 (the stand-in's team-only refusal)

// Render: the text a caseworker's request becomes.
renderAdviceSms(view)
const t = performance.now()
for (let i = 0; i < RENDERS; i++) renderAdviceSms(view, { neutral: i % 2 === 1 })
const renderMs = (performance.now() - t) / RENDERS
const sample = renderAdviceSms(view)

// Raw client: the same number of texts, IN_FLIGHT at a time.
async function raw(): Promise<number> {
  const notify = await startNotifyStandIn()
  const client = new NotifyClient(notify.url, API_KEY)
  const body = sample.body
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < TEXTS) {
        const i = next++
        await client.sendSms(TEMPLATE_ID, number(i), { personalisation: { body }, reference: `raw-${i}` })
      }
    }),
  )
  const ms = performance.now() - start
  if (notify.notifications.length !== TEXTS) throw new Error(`raw: ${notify.notifications.length} of ${TEXTS} accepted`)
  await notify.close()
  return ms
}

// Queue: enqueue every text (validated, rendered, stored), then the worker sends them all.
async function queued(): Promise<{ ms: number; enqueueMs: number }> {
  const notify = await startNotifyStandIn()
  const dir = mkdtempSync(join(tmpdir(), 'signpost-sms-bench-'))
  const outbox = await openSmsOutbox({ path: join(dir, 'outbox.sqlite'), content, env: {}, recipientLimit: { limit: 10, windowMs: 60_000 } })
  const transport = notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url })
  const worker = createQueueWorker({
    queue: outbox.queue,
    channels: { sms: createSmsChannel({ transport, content: async () => content }) },
    batchSize: IN_FLIGHT,
    pollMs: 5,
    log: () => {},
  })
  const start = performance.now()
  for (let i = 0; i < TEXTS; i++) await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: number(i), origin: 'api' })
  const enqueueMs = performance.now() - start
  const running = worker.run()
  while ((await outbox.counts()).sent < TEXTS) await new Promise((r) => setTimeout(r, 5))
  const ms = performance.now() - start
  await worker.stop()
  await running
  if (notify.notifications.length !== TEXTS) throw new Error(`queue: ${notify.notifications.length} of ${TEXTS} accepted`)
  await outbox.close()
  rmSync(dir, { recursive: true, force: true })
  await notify.close()
  return { ms, enqueueMs }
}

const rawMs = await raw()
const q = await queued()
const rawRate = TEXTS / (rawMs / 1000)
const queueRate = TEXTS / (q.ms / 1000)
const ratio = queueRate / rawRate
const lines = [
  '## SMS',
  '',
  `\`npm run bench:sms\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; the local stand-in of GOV.UK Notify on 127.0.0.1 (JWT checked on every request), ${IN_FLIGHT} requests in flight.`,
  '',
  '| measure | figure |',
  '| --- | --- |',
  `| render one advice text (\`renderAdviceSms\`, mean of ${RENDERS}) | ${renderMs.toFixed(3)} ms (${sample.length.characters} characters, ${sample.length.texts} texts, ${sample.length.encoding}) |`,
  `| raw \`notifications-node-client\` sending ${TEXTS} texts | ${(rawMs / 1000).toFixed(2)} s (${rawRate.toFixed(0)} texts/s) |`,
  `| through the queue: enqueue ${TEXTS} (validate, render, store) then the worker sends them | ${(q.ms / 1000).toFixed(2)} s (${queueRate.toFixed(0)} texts/s; enqueue alone ${(q.enqueueMs / 1000).toFixed(2)} s) |`,
  `| queue throughput as a share of the raw client's | ${(ratio * 100).toFixed(0)} % (target ≥ 50 %) |`,
]
const file = writeBenchmarkSection(lines.join('\n'))
console.log(lines.join('\n'))
console.log(`sms bench: wrote ${file}`)
