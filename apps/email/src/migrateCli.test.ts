// `npm run email -- migrate` as an operator runs it: on an outbox written by Signpost before versioned migrations it
// applies them, lists what it did and keeps every message; run again it says there is nothing to do.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { repoRoot } from '@signpost/outbox'
import { startPostgres } from '@signpost/pgtest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, runCli, startCli, waitFor } from './test-support/spawnCli.js'

let dir: string
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
  dir = mkdtempSync(join(tmpdir(), 'signpost-email-migrate-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const MIGRATIONS = ['0001-create-outbox', '0002-api-client', '0003-key-digests', '0004-channel-neutral', '0005-cancelled-state', '0006-rate-limits']

describe('npm run email -- migrate', () => {
  it('applies the pending migrations to an outbox from before them, names each, keeps every message, then has nothing to do', async () => {
    const path = join(dir, 'old.sqlite')
    const db = new Database(path)
    db.exec(readFileSync(join(repoRoot(), 'packages/outbox/src/fixtures/outbox-f631dc7.sql'), 'utf8'))
    db.close()
    const env = { DATABASE_URL: '', EMAIL_DB: path }
    const first = await runCli(['migrate'], env)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toBe(
      [`Outbox ${path} (sqlite):`, ...MIGRATIONS.map((m) => `applied ${m}`), '6 migration(s) applied; 0 were already applied before.', ''].join('\n'),
    )
    const again = await runCli(['migrate'], env)
    expect(again.stdout).toBe(`Outbox ${path} (sqlite):\nnothing to do: all 6 migrations were already applied (the last: 0006-rate-limits).\n`)
    const status = await runCli(['status', '--json'], env)
    expect(JSON.parse(status.stdout).counts).toEqual({ queued: 1, sending: 1, sent: 1, retrying: 0, failed: 0, cancelled: 0 })
  })

  it('the worker applies them at start and says which; started again it says nothing of migrations', async () => {
    const path = join(dir, 'start.sqlite')
    const db = new Database(path)
    db.exec(readFileSync(join(repoRoot(), 'packages/outbox/src/fixtures/outbox-f631dc7.sql'), 'utf8'))
    db.close()
    const env = { DATABASE_URL: '', EMAIL_DB: path, EMAIL_OUTBOX_DIR: join(dir, 'start-mail'), SMTP_URL: '', SIGNPOST_SITE_URL: 'https://signpost.example' }
    const startWorker = async () => {
      const run = startCli(['worker'], env)
      await waitFor(() => /email worker: outbox /.test(run.output().stderr) || run.output().code !== null, 'the worker to start')
      run.child.kill('SIGTERM')
      return run.exited
    }
    const first = await startWorker()
    expect(first.stderr).toContain(`email worker: applied the outbox migration(s) ${MIGRATIONS.join(', ')} (6 in all)`)
    const second = await startWorker()
    expect(second.code).toBe(0)
    expect(second.stderr).not.toContain('migration')
  })

  it('refuses a DATABASE_URL that is not PostgreSQL, saying so, rather than quietly using a local file', async () => {
    const r = await runCli(['migrate'], { DATABASE_URL: 'mysql://db.internal/signpost', EMAIL_DB: join(dir, 'never.sqlite') })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL (it starts "mysql://db.i…"). Unset it to use the SQLite outbox.')
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false)
  })

  it('with DATABASE_URL applies the PostgreSQL migrations once, and the queue then works from the command line', async () => {
    const server = await startPostgres()
    try {
      const url = await server.createDatabase('migrate_cli')
      const env = { DATABASE_URL: url, EMAIL_DB: join(dir, 'unused.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'pg-mail'), SMTP_URL: '' }
      const first = await runCli(['migrate'], env)
      expect(first.code, first.stderr).toBe(0)
      const applied = first.stdout.split('\n').filter((l) => l.startsWith('applied '))
      expect(applied.length).toBeGreaterThan(0)
      expect(first.stdout.split('\n')[0]).toMatch(/^Outbox postgres:\/\/.*\(postgres\):$/)
      const again = await runCli(['migrate'], env)
      expect(again.stdout).toContain(`nothing to do: all ${applied.length} migrations were already applied`)
      const sent = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'pg.reader@example.com', '--queue-only'], env)
      expect(sent.code, sent.stderr).toBe(0)
      const status = await runCli(['status', '--json'], env)
      expect(JSON.parse(status.stdout)).toMatchObject({ counts: { queued: 1 }, messages: [{ to: 'p***@example.com', status: 'queued' }] })
      expect(existsSync(join(dir, 'unused.sqlite'))).toBe(false)
    } finally {
      await server.stop()
    }
  })
})
