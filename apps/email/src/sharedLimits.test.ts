// Two API processes on one outbox (a SQLite file, or one PostgreSQL), as behind a load balancer: a client's per-key
// allowance is counted in the queue's store, so the two together accept exactly EMAIL_API_RATE_LIMIT requests a minute
// from it, not twice as many.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres } from '@signpost/pgtest'
import { CLI, startCli, waitFor } from './test-support/spawnCli.js'

const KEY = 'shared-limit-key-0123456789'
const LIMIT = 4
let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
})

/** `npm run email -- serve` on a free port; resolves with its base URL once it listens. */
async function serve(env: NodeJS.ProcessEnv): Promise<string> {
  const run = startCli(['serve', '--port', '0'], env)
  cleanups.push(async () => {
    if (run.child.exitCode === null) run.child.kill('SIGTERM')
    await run.exited
  })
  await waitFor(() => /listening on http:\/\/127\.0\.0\.1:\d+/.test(run.output().stderr) || run.output().code !== null, 'the API to listen')
  const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output().stderr)?.[1]
  if (!port) throw new Error(`the API did not start: ${run.output().stderr}`)
  return `http://127.0.0.1:${port}`
}

describe.each(['SQLite', 'PostgreSQL'])('two API processes on one outbox (%s)', (backend) => {
  it(`share one API key's allowance: ${LIMIT} requests a minute between them, then 429 from both with Retry-After`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-email-limits-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    let databaseUrl = ''
    if (backend === 'PostgreSQL') {
      const server = await startPostgres()
      cleanups.push(() => server.stop())
      databaseUrl = await server.createDatabase('shared_limits')
    }
    const env = {
      DATABASE_URL: databaseUrl,
      EMAIL_DB: join(dir, 'outbox.sqlite'),
      EMAIL_OUTBOX_DIR: join(dir, 'mail'),
      SMTP_URL: '',
      EMAIL_API_KEYS: KEY,
      EMAIL_API_RATE_LIMIT: String(LIMIT),
      SIGNPOST_SITE_URL: 'https://signpost.example',
    }
    const [a, b] = await Promise.all([serve(env), serve(env)])
    // The windows are whole minutes: start well inside one, so all ten requests fall in the same window.
    if (Date.now() % 60_000 > 50_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 100))
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${i % 2 ? b : a}/v1/advice-emails`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ guide: 'cyber-crime-and-fraud', to: `reader${i}@example.com` }),
      })
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers.get('retry-after')
      await res.arrayBuffer()
    }
    // This morning each process counted on its own: 8 of the 10 were accepted.
    expect(statuses.filter((s) => s === 202)).toHaveLength(LIMIT)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - LIMIT)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect(Number(retryAfter)).toBeLessThanOrEqual(60)
  })
})
