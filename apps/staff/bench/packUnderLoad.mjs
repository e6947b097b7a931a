#!/usr/bin/env node
// Measures the issue's "1,000 leaflets build with the console still answering": starts the built console (one-time
// link, temp databases), builds a pack of 1,000 copies of the seed guide, and times GET /print every 250 ms meanwhile.
// Run after `npx turbo run build --filter=@signpost/staff...`: node bench/packUnderLoad.mjs [copies]
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const copies = process.argv[2] ?? '1000'
const tmp = mkdtempSync(join(tmpdir(), 'signpost-staff-bench-'))
const port = 3900 + Math.floor(Math.random() * 90)
let output = ''
const child = spawn(process.execPath, ['server.mjs'], {
  cwd: dir,
  env: {
    ...process.env,
    STAFF_PORT: String(port),
    STAFF_DB: join(tmp, 'staff.sqlite'),
    EMAIL_DB: join(tmp, 'outbox.sqlite'),
    STAFF_OIDC_ISSUER: '',
    SIGNPOST_SITE_URL: 'https://signpost.example',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
})
child.stderr.on('data', (d) => (output += d))
try {
  while (!/once\?token=/.test(output)) await new Promise((r) => setTimeout(r, 100))
  const link = /(http:\/\/\S+once\?token=\S+)/.exec(output)[1]
  const signIn = await fetch(link, { redirect: 'manual' })
  const cookie = signIn.headers.get('set-cookie').split(';')[0]
  const page = await (await fetch(`http://127.0.0.1:${port}/print`, { headers: { cookie } })).text()
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)[1]
  const started = performance.now()
  const start = await fetch(`http://127.0.0.1:${port}/api/print/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${port}` },
    body: new URLSearchParams({ csrf, copies, format: 'standard', layout: 'standard' }),
  })
  const job = `http://127.0.0.1:${port}${start.headers.get('location')}`
  const latencies = []
  let html = ''
  for (;;) {
    const t = performance.now()
    await (await fetch(`http://127.0.0.1:${port}/print`, { headers: { cookie } })).text()
    latencies.push(performance.now() - t)
    html = await (await fetch(job, { headers: { cookie } })).text()
    if (!html.includes('Building the pack')) break
    await new Promise((r) => setTimeout(r, 250))
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  latencies.sort((a, b) => a - b)
  const summary = /<p role="status">([^<]*)/.exec(html)?.[1] ?? html.replace(/<[^>]+>/g, ' ').slice(0, 300)
  console.log(`${summary}`)
  console.log(
    `built in ${seconds} s; GET /print answered ${latencies.length} times meanwhile: median ${latencies[latencies.length >> 1].toFixed(0)} ms, slowest ${latencies.at(-1).toFixed(0)} ms`,
  )
} finally {
  child.kill('SIGTERM')
  rmSync(tmp, { recursive: true, force: true })
}
