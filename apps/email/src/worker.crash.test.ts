// The worker killed with SIGKILL mid-batch loses nothing: a restart delivers every message, repeats keep their Message-ID.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent } from '@signpost/content'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openOutbox, type Outbox } from './outbox.js'
import { startSmtpServer, type TestSmtpServer } from './test-support/smtpServer.js'
import { CLI, startCli, waitFor } from './test-support/spawnCli.js'

const content = await loadContent()
let dir: string
let server: TestSmtpServer
let outbox: Outbox

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
  dir = mkdtempSync(join(tmpdir(), 'signpost-email-crash-'))
  // Slow answers to DATA, so the kill lands while a batch is being sent.
  server = await startSmtpServer({ onData: () => new Promise((r) => setTimeout(() => r(undefined), 120)) })
  outbox = await openOutbox({ path: join(dir, 'outbox.sqlite'), content, env: {} })
})
afterAll(async () => {
  await outbox?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the worker process killed with SIGKILL mid-batch', () => {
  it('loses nothing: after a restart every message is delivered, any duplicate with the same Message-ID', async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => (await outbox.enqueue({ guide: 'cyber-crime-and-fraud', to: `r${i}@example.com`, origin: 'cli' })).id),
    )
    const messageIds = new Set(await Promise.all(ids.map(async (id) => (await outbox.get(id))!.messageId)))
    const env = {
      EMAIL_DB: join(dir, 'outbox.sqlite'),
      SMTP_URL: server.url,
      EMAIL_WORKER_BATCH: '10',
      EMAIL_WORKER_POLL_MS: '50',
      EMAIL_SMTP_POOL_SIZE: '2',
    }
    const first = startCli(['worker'], env)
    await waitFor(() => server.accepted() >= 3, 'the first messages to arrive')
    first.child.kill('SIGKILL')
    const killed = await first.exited
    expect(killed.code).toBeNull()
    const counts = await outbox.counts()
    expect(counts.sending).toBeGreaterThan(0) // the kill did land mid-batch
    expect(counts.sent).toBeLessThan(30)

    const second = startCli(['worker'], env)
    await waitFor(async () => (await outbox.counts()).sent === 30, 'every message to be sent', 60_000)
    second.child.kill('SIGTERM')
    const stopped = await second.exited
    expect(stopped.code).toBe(0)
    expect(stopped.stderr).toMatch(/sent again \(same Message-ID\)/)
    expect(stopped.stderr).not.toMatch(/r\d+@example\.com/) // addresses only masked in logs

    const received = server.messages.map((m) => m.messageId)
    expect(new Set(received)).toEqual(messageIds)
    expect(received.length).toBeGreaterThanOrEqual(30)
    expect(received.length - 30).toBeLessThanOrEqual(counts.sending) // only messages in flight at the kill may repeat
  })
})
