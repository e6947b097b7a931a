// Email benchmark: render time per advice sheet, and outbox throughput (enqueue + worker delivery) against raw pooled
// nodemailer sending the same messages to the same loopback smtp-server, side by side in one run.
// Bounded: fixed message counts, loopback only, a hard time limit. Writes the figures under "## Email" in BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import nodemailer from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { writeBenchmarkSection } from '../../../scripts/benchmarks.mjs'
import { loadContent, viewGuide } from '@signpost/content'
import { createTransportFromEnv, createWorker, openOutbox, renderAdviceEmail } from '../dist/index.js'

const MESSAGES = Number(process.env.BENCH_EMAIL_MESSAGES) || 2000
const RENDERS = 500
const POOL = 5
const LIMIT_MS = 180_000

const deadline = setTimeout(() => {
  console.error(`email bench: gave up after ${LIMIT_MS / 1000} s`)
  process.exit(1)
}, LIMIT_MS)
deadline.unref()

function startServer() {
  let accepted = 0
  const ids = new Set()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = ''
      stream.on('data', (c) => {
        if (head.length < 4096) head += c.toString('latin1')
      })
      stream.on('end', () => {
        accepted += 1
        const id = /^Message-ID: (.*)$/im.exec(head)?.[1]?.trim()
        if (id) ids.add(id)
        callback()
      })
    },
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.server.address().port,
        accepted: () => accepted,
        ids,
        reset() {
          accepted = 0
          ids.clear()
        },
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  )
}

const content = await loadContent()
const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire')

// 1. Render time per advice sheet.
for (let i = 0; i < 50; i++) renderAdviceEmail(view)
const times = []
for (let i = 0; i < RENDERS; i++) {
  const t0 = performance.now()
  renderAdviceEmail(view, { neutral: i % 2 === 1 })
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
const renderMean = times.reduce((a, b) => a + b, 0) / times.length
const renderP95 = times[Math.floor(times.length * 0.95)]
const sheet = renderAdviceEmail(view)

const server = await startServer()
const smtpUrl = `smtp://127.0.0.1:${server.port}`

// 2a. Raw pooled nodemailer: the same messages straight to the server.
async function raw(n) {
  server.reset()
  const transporter = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, pool: true, maxConnections: POOL, maxMessages: 1000, logger: false })
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      transporter.sendMail({
        from: 'Signpost <advice@signpost.invalid>',
        to: `r${i}@example.com`,
        subject: sheet.subject,
        text: sheet.text,
        html: sheet.html,
        messageId: `<raw-${i}@signpost.invalid>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      }),
    ),
  )
  const ms = performance.now() - t0
  transporter.close()
  if (server.accepted() !== n) throw new Error(`raw: server accepted ${server.accepted()} of ${n}`)
  return { ms }
}

// 2b. The outbox: every request stored first (SQLite, WAL), then delivered by the worker in batches.
async function outbox(n) {
  server.reset()
  const dir = mkdtempSync(join(tmpdir(), 'signpost-email-bench-'))
  const box = openOutbox({ path: join(dir, 'outbox.sqlite'), content, env: {}, recipientLimit: { limit: 5, windowMs: 3_600_000 } })
  const transport = createTransportFromEnv({ SMTP_URL: smtpUrl, EMAIL_SMTP_POOL_SIZE: String(POOL) })
  const worker = createWorker({ outbox: box, transport, env: {}, log: () => {}, pollMs: 10 })
  const t0 = performance.now()
  for (let i = 0; i < n; i++) box.enqueue({ guide: 'cyber-crime-and-fraud', to: `r${i}@example.com`, origin: 'api' })
  const enqueued = performance.now()
  const running = worker.run()
  while (box.counts().sent + box.counts().failed < n) await new Promise((r) => setTimeout(r, 10))
  const ms = performance.now() - t0
  await worker.stop()
  await running
  const counts = box.counts()
  transport.close()
  box.close()
  rmSync(dir, { recursive: true, force: true })
  if (counts.sent !== n || server.accepted() !== n) throw new Error(`outbox: ${counts.sent} sent, server accepted ${server.accepted()} of ${n}`)
  return { ms, enqueueMs: enqueued - t0, deliverMs: ms - (enqueued - t0) }
}

await raw(100)
await outbox(100)
// Interleaved rounds, so a busy moment on a shared machine weighs on both sides alike.
const ROUNDS = 2
const rawRuns = []
const outRuns = []
for (let i = 0; i < ROUNDS; i++) {
  rawRuns.push(await raw(MESSAGES))
  outRuns.push(await outbox(MESSAGES))
}
await server.close()
const mean = (xs, k) => xs.reduce((a, x) => a + x[k], 0) / xs.length
const r = { ms: mean(rawRuns, 'ms') }
const o = { ms: mean(outRuns, 'ms'), enqueueMs: mean(outRuns, 'enqueueMs'), deliverMs: mean(outRuns, 'deliverMs') }

const rawRate = MESSAGES / (r.ms / 1000)
const outRate = MESSAGES / (o.ms / 1000)
const ratio = outRate / rawRate
const f = (x, d = 0) => x.toFixed(d)
const lines = [
  '## Email',
  '',
  `Measured with \`npm run bench:email\` (apps/email/bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores; loopback smtp-server (no TLS, no parsing), ${POOL} pooled SMTP connections for both.`,
  '',
  '| measure | figure |',
  '| --- | --- |',
  `| render one advice sheet (cyber-crime-and-fraud, HTML ${f(Buffer.byteLength(sheet.html) / 1024, 1)} KiB + text ${f(Buffer.byteLength(sheet.text) / 1024, 1)} KiB) | mean ${f(renderMean, 3)} ms, p95 ${f(renderP95, 3)} ms (${RENDERS} renders) |`,
  `| raw pooled nodemailer, ${MESSAGES} messages (mean of ${ROUNDS} rounds) | ${f(r.ms)} ms, ${f(rawRate)} msg/s |`,
  `| outbox: enqueue ${MESSAGES} (SQLite, WAL; message rendered at enqueue) + worker delivers all (50 in flight; mean of ${ROUNDS} rounds) | ${f(o.ms)} ms (enqueue ${f(o.enqueueMs)} ms, deliver ${f(o.deliverMs)} ms), ${f(outRate)} msg/s |`,
  `| outbox ÷ raw nodemailer | **${f(ratio * 100, 1)} %** (target ≥ 50 %) |`,
  '',
]
const section = lines.join('\n')
console.log(section)

const file = writeBenchmarkSection(section)
console.error(`email bench: wrote the "## Email" section of ${file}`)
if (ratio < 0.5) process.exitCode = 1
