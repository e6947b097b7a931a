// Live workers never re-send what they are still sending: real worker processes, a short lease and a real SMTP server
// on 127.0.0.1 that takes longer than the lease to answer each final dot. Every Message-ID must arrive exactly once, and
// the logs must not claim that a worker stopped. A worker that really stops (SIGSTOP) loses its claims to another.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent } from '@signpost/content'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openOutbox, type Outbox } from './outbox.js'
import { startSmtpServer, type TestSmtpServer } from './test-support/smtpServer.js'
import { CLI, startCli, waitFor } from './test-support/spawnCli.js'

const content = await loadContent()
const LEASE_MS = 1000
const REPLY_DELAY_MS = 3000
const MESSAGES = 20

let cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
})

async function setup(): Promise<{ server: TestSmtpServer; outbox: Outbox; env: NodeJS.ProcessEnv; messageIds: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-email-lease-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const server = await startSmtpServer({ replyDelayMs: REPLY_DELAY_MS })
  cleanups.push(() => server.close())
  const outbox = await openOutbox({ path: join(dir, 'outbox.sqlite'), content, env: {} })
  cleanups.push(() => outbox.close())
  const ids = await Promise.all(
    Array.from({ length: MESSAGES }, async (_, i) => (await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: `r${i}@example.com`, origin: 'cli' })).id),
  )
  const env = {
    EMAIL_DB: join(dir, 'outbox.sqlite'),
    SMTP_URL: server.url,
    EMAIL_LEASE_MS: String(LEASE_MS),
    EMAIL_WORKER_BATCH: '10',
    EMAIL_WORKER_POLL_MS: '50',
    EMAIL_SMTP_POOL_SIZE: '5',
  }
  return { server, outbox, env, messageIds: await Promise.all(ids.map(async (id) => (await outbox.get(id))!.messageId)) }
}

describe('a slow SMTP server and a short lease', () => {
  it('two live workers deliver every Message-ID exactly once, and neither log says a worker stopped', async () => {
    const { server, outbox, env, messageIds } = await setup()
    const workers = [startCli(['worker'], env), startCli(['worker'], env)]
    for (const w of workers) cleanups.push(() => w.child.exitCode === null && w.child.kill('SIGKILL'))
    await waitFor(async () => (await outbox.counts()).sent === MESSAGES, 'every message to be sent', 60_000)
    // SIGTERM lets each worker finish what it has in flight, so any duplicate would have reached the server by now.
    for (const w of workers) w.child.kill('SIGTERM')
    const logs = await Promise.all(workers.map((w) => w.exited))
    for (const l of logs) expect(l.code).toBe(0)

    const received = server.messages.map((m) => m.messageId)
    const repeated = new Set(received.filter((id, i) => received.indexOf(id) !== i)).size
    console.info(
      `lease test: ${MESSAGES} queued, ${server.transactions()} SMTP transactions, ${new Set(received).size} unique Message-IDs, ${repeated} delivered more than once`,
    )
    expect(new Set(received)).toEqual(new Set(messageIds))
    expect(received).toHaveLength(MESSAGES)
    expect(server.transactions()).toBe(MESSAGES)
    for (const l of logs) {
      expect(l.stderr).not.toMatch(/sent again|stopped|taken back|arrive twice/)
    }
    expect(await outbox.counts()).toMatchObject({ sent: MESSAGES, sending: 0, retrying: 0 })
  })

  it('a worker that stops renewing (SIGSTOP) loses its claims to a live one, which delivers them, saying why', async () => {
    const { server, outbox, env, messageIds } = await setup()
    const stuck = startCli(['worker'], { ...env, EMAIL_WORKER_BATCH: String(MESSAGES) })
    cleanups.push(() => stuck.child.exitCode === null && stuck.child.kill('SIGKILL'))
    await waitFor(async () => (await outbox.counts()).sending === MESSAGES, 'the first worker to claim every message')
    stuck.child.kill('SIGSTOP')
    const live = startCli(['worker'], { ...env, EMAIL_WORKER_BATCH: String(MESSAGES), EMAIL_SMTP_POOL_SIZE: '10' })
    cleanups.push(() => live.child.exitCode === null && live.child.kill('SIGKILL'))
    await waitFor(async () => (await outbox.counts()).sent === MESSAGES, 'the live worker to send every message', 60_000)
    live.child.kill('SIGTERM')
    const log = await live.exited
    expect(log.code).toBe(0)
    expect(log.stderr).toMatch(
      /\d+ message\(s\) whose worker stopped renewing its claim for longer than the lease \(1000 ms\) will be sent again \(same Message-ID\)/,
    )
    expect(log.stderr).not.toMatch(/no longer running/) // the stopped process still exists
    expect(new Set(server.messages.map((m) => m.messageId))).toEqual(new Set(messageIds))
  })
})
