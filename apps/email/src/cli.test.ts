// `npm run email -- …` as an operator runs it: the built CLI, .eml files without SMTP, real SMTP with it, purge.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openOutbox } from './outbox.js'
import { startSmtpServer } from './test-support/smtpServer.js'
import { CLI, runCli } from './test-support/spawnCli.js'

let dir: string
let env: NodeJS.ProcessEnv

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
  dir = mkdtempSync(join(tmpdir(), 'signpost-email-cli-'))
  env = { EMAIL_DB: join(dir, 'outbox.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'mail'), SMTP_URL: '' }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const count = () => {
  const o = openOutbox({ path: env.EMAIL_DB!, env: {} })
  try {
    return Object.values(o.counts()).reduce((a, b) => a + b, 0)
  } finally {
    o.close()
  }
}

describe('npm run email -- send', () => {
  it('with no SMTP writes an .eml file a mail program opens, and says where', async () => {
    const r = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'someone@example.com'], env)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/Signpost: reading content from/)
    expect(r.stdout).toContain('s***@example.com')
    expect(r.stdout + r.stderr).not.toContain('someone@example.com')
    const path = /Sent: wrote (\S+\.eml)/.exec(r.stdout)?.[1]
    expect(path).toBeDefined()
    expect(path!.startsWith(join(dir, 'mail'))).toBe(true)
    const mail = await simpleParser(readFileSync(path!))
    expect(mail.subject).toBe('Cyber Crime and Fraud: advice and who can help')
    expect(mail.text).toContain('0800 612 6505')
    expect(mail.html).toContain('<h2')
    expect(mail.html).toContain('0300 123 2040')
    const status = await runCli(['status'], env)
    expect(status.stdout).toMatch(/sent 1/)
    expect(status.stdout).not.toContain('someone@example.com')
  })

  it('with SMTP_URL delivers to the server and says so; --neutral changes the subject', async () => {
    const server = await startSmtpServer()
    try {
      const r = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'other@example.com', '--neutral'], { ...env, SMTP_URL: server.url })
      expect(r.code).toBe(0)
      expect(r.stdout).toContain(`Sent: delivered to SMTP server 127.0.0.1:${server.port}`)
      expect(server.messages).toHaveLength(1)
      expect(server.messages[0]!.subject).toBe('The information you asked for')
    } finally {
      await server.close()
    }
  })

  it.each([
    ['an unknown guide', ['--guide', 'nope', '--to', 'a@example.com'], /Unknown guide "nope"/],
    ['a bad address', ['--guide', 'cyber-crime-and-fraud', '--to', 'a@'], /not a valid email address/],
    ['a line break in the address', ['--guide', 'cyber-crime-and-fraud', '--to', 'a@example.com\nBcc: b@example.com'], /line break/],
  ])('refuses %s with a clear error, a non-zero exit and nothing queued', async (_what, args, message) => {
    const before = count()
    const r = await runCli(['send', ...args], env)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(count()).toBe(before)
  })

  it('status, retry and purge explain themselves', async () => {
    const unknown = await runCli(['status', 'no-such-id'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/No message with id no-such-id/)
    const purge = await runCli(['purge'], env)
    expect(purge.code).toBe(0)
    expect(purge.stdout).toMatch(/Erased the recipient address of 0 message/)
    const retry = await runCli(['retry', 'no-such-id'], env)
    expect(retry.code).toBe(1)
  })

  it('purge past retention erases the address from the outbox and deletes the delivered .eml files', async () => {
    const own = { ...env, EMAIL_DB: join(dir, 'purge.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'purge-mail') }
    const sent = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'private@example.com'], own)
    expect(sent.code).toBe(0)
    expect(readdirSync(own.EMAIL_OUTBOX_DIR!).filter((f) => f.endsWith('.eml'))).toHaveLength(1)
    const kept = await runCli(['purge'], own)
    expect(kept.stdout).toMatch(/0 message\(s\).*and 0 delivered \.eml file/s)
    const purge = await runCli(['purge'], { ...own, EMAIL_RETENTION_DAYS: '0' })
    expect(purge.stdout).toMatch(/1 message\(s\).*and 1 delivered \.eml file/s)
    expect(readdirSync(own.EMAIL_OUTBOX_DIR!).filter((f) => f.endsWith('.eml'))).toEqual([])
    const db = new Database(own.EMAIL_DB)
    try {
      expect(db.prepare('SELECT to_address FROM messages').all()).toEqual([{ to_address: null }])
    } finally {
      db.close()
    }
  })
})
