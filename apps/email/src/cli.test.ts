// `npm run email -- …` as an operator runs it: the built CLI, .eml files without SMTP, real SMTP with it, purge.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openOutbox } from './outbox.js'
import { startSmtpServer } from './test-support/smtpServer.js'
import { CLI, runCli, startCli, waitFor, type CliResult } from './test-support/spawnCli.js'

let dir: string
let env: NodeJS.ProcessEnv

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`Build the email app first (npm run build): ${CLI} is missing.`)
  dir = mkdtempSync(join(tmpdir(), 'signpost-email-cli-'))
  env = { EMAIL_DB: join(dir, 'outbox.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'mail'), SMTP_URL: '' }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const count = async () => {
  const o = await openOutbox({ path: env.EMAIL_DB!, env: {} })
  try {
    return Object.values(await o.counts()).reduce((a, b) => a + b, 0)
  } finally {
    await o.close()
  }
}

describe('SIGNPOST_SITE_URL and DKIM, said first', () => {
  const local = { SIGNPOST_SITE_URL: '', NODE_ENV: 'development' }
  // An outbox of its own, so the workers started here deliver nothing the other tests count.
  const own = () => ({ ...env, EMAIL_DB: join(dir, 'site-url.sqlite'), EMAIL_OUTBOX_DIR: join(dir, 'site-url-mail') })
  const firstLine = (stderr: string) => stderr.split('\n')[0]!

  /** A long-running command (worker, serve): its output once it has started, then stopped with SIGTERM. */
  async function started(args: string[], extra: NodeJS.ProcessEnv, ready: RegExp): Promise<CliResult> {
    const run = startCli(args, { ...own(), ...extra })
    try {
      await waitFor(() => ready.test(run.output().stderr) || run.output().code !== null, `${args[0]} to start`)
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGTERM')
    }
    return run.exited
  }

  it.each([
    ['send', () => runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'warned@example.com', '--queue-only'], { ...own(), ...local })],
    ['worker', () => started(['worker'], local, /email worker:/)],
    ['serve', () => started(['serve', '--port', '0'], { ...local, EMAIL_API_KEYS: 'k' }, /email api: listening/)],
  ])('%s warns on its first line when SIGNPOST_SITE_URL is unset', async (_command, run) => {
    const r = await run()
    expect(firstLine(r.stderr)).toMatch(/^Warning: SIGNPOST_SITE_URL is not set, so links and QR codes point at http:\/\/localhost/)
  })

  it.each([
    ['send', ['send', '--guide', 'cyber-crime-and-fraud', '--to', 'prod@example.com']],
    ['worker', ['worker']],
    ['serve', ['serve', '--port', '0']],
  ])('%s refuses to run with NODE_ENV=production and a local SIGNPOST_SITE_URL, naming the variable', async (_command, args) => {
    const r = await runCli(args, {
      ...own(),
      EMAIL_DB: join(dir, 'production.sqlite'),
      EMAIL_API_KEYS: 'k',
      NODE_ENV: 'production',
      SIGNPOST_SITE_URL: 'http://localhost:3000',
    })
    expect(r.code).not.toBe(0)
    expect(firstLine(r.stderr)).toMatch(/^Error: SIGNPOST_SITE_URL points at http:\/\/localhost:3000.*Refusing to send advice emails with NODE_ENV=production/)
    expect(existsSync(join(dir, 'production.sqlite'))).toBe(false) // stopped before the outbox was even opened
  })

  it('says nothing about the site address when it is public, and warns when DKIM signs for another domain than From', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const dkim = {
      DKIM_SELECTOR: 's1',
      DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      EMAIL_FROM: 'Advice <advice@victimservices.example.org>',
    }
    const publicUrl = { SIGNPOST_SITE_URL: 'https://victimservices.example.org', NODE_ENV: 'production' }
    const off = await started(['worker'], { ...publicUrl, ...dkim, DKIM_DOMAIN: 'mailer.example.net' }, /email worker:/)
    expect(off.stderr).not.toMatch(/SIGNPOST_SITE_URL/)
    expect(firstLine(off.stderr)).toMatch(
      /^Warning: DKIM_DOMAIN is mailer\.example\.net but mail is sent from victimservices\.example\.org.*DMARC alignment fails/,
    )
    const aligned = await started(['worker'], { ...publicUrl, ...dkim, DKIM_DOMAIN: 'example.org' }, /email worker:/)
    expect(aligned.stderr).not.toMatch(/DKIM|SIGNPOST_SITE_URL/)
  })
})

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
    const before = await count()
    const r = await runCli(['send', ...args], env)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(await count()).toBe(before)
  })

  it('a refused address: send and status give the reply once, with its code once and the address masked', async () => {
    const server = await startSmtpServer({ onRcpt: (address) => ({ code: 550, message: `5.1.1 <${address}> No such mailbox here` }) })
    try {
      const r = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'gone.away@example.com'], { ...env, SMTP_URL: server.url })
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('Failed: 550 5.1.1 <g***@example.com> No such mailbox here.')
      const id = /Queued (\S+):/.exec(r.stdout)?.[1]
      const status = await runCli(['status', id!], env)
      expect(status.stdout).toMatch(/^last error: {2}550 5\.1\.1 <g\*\*\*@example\.com> No such mailbox here$/m)
      expect(status.stdout + r.stdout + r.stderr).not.toMatch(/550 550|gone\.away@/)
    } finally {
      await server.close()
    }
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

  it('cancel stops a queued email for good, and says why when it cannot', async () => {
    const own = { ...env, EMAIL_DB: join(dir, 'cancel.sqlite') }
    const queued = await runCli(['send', '--guide', 'cyber-crime-and-fraud', '--to', 'cancel.me@example.com', '--queue-only'], own)
    expect(queued.code).toBe(0)
    const id = /Queued (\S+):/.exec(queued.stdout)?.[1] ?? ''
    const cancel = await runCli(['cancel', id], own)
    expect(cancel.code).toBe(0)
    expect(cancel.stdout).toContain(`Cancelled ${id} (email to c***@example.com): it will never be sent.`)
    const status = await runCli(['status'], own)
    expect(status.stdout).toMatch(/queued 0 .*cancelled 1/)
    expect(status.stdout).toMatch(new RegExp(`${id}  cancelled `))
    const again = await runCli(['cancel', id], own)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(`Message ${id} was not cancelled: it was already cancelled by the email command line.`)
    const retry = await runCli(['retry', id], own)
    expect(retry.code).toBe(1)
    expect(retry.stderr).toContain('a cancelled message is never sent')
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
