// The sms command line as a caseworker uses it (the built CLI as a real process): with no Notify key the text is a
// file under var/sms (here a temp folder) and the tool says where; numbers are shown only masked; bad input is
// refused naming the argument, with nothing queued.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rules } from '@signpost/content'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pollReceipts } from './channel.js'
import { openSmsOutbox } from './smsOutbox.js'
import { API_KEY, startNotifyStandIn, TEMPLATE_ID } from './testing/notifyStandIn.js'
import { notifySmsTransport, readSmsFile } from './transport.js'
import { runCli, SMS_CLI } from './test-support/spawnCli.js'

let dir: string
let env: NodeJS.ProcessEnv
beforeAll(() => {
  if (!existsSync(SMS_CLI)) throw new Error(`Build the sms app first (npm run build): ${SMS_CLI} is missing.`)
  dir = mkdtempSync(join(tmpdir(), 'signpost-sms-cli-'))
  env = { EMAIL_DB: join(dir, 'outbox.sqlite'), SMS_OUTBOX_DIR: join(dir, 'sms'), NOTIFY_API_KEY: '' }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run sms -- send', () => {
  it('with no NOTIFY_API_KEY writes a text of at most 2 texts under var/sms naming the service, Action Fraud and the guide, and says where', async () => {
    const r = await runCli(SMS_CLI, ['send', '--guide', 'cyber-crime-and-fraud', '--to', '07700900123'], env)
    expect(r.code, r.stderr).toBe(0)
    const files = readdirSync(join(dir, 'sms'))
    expect(files).toHaveLength(1)
    const path = join(dir, 'sms', files[0] ?? '')
    expect(r.stdout).toContain(`Sent: wrote ${path} (`)
    expect(r.stdout).toMatch(/\(\d+ characters, [12] texts?, as Notify counts\)/)
    expect(r.stdout).toContain('07*** ***123')
    expect(r.stdout + r.stderr).not.toContain('07700900123')
    const text = readSmsFile(path)
    expect(text.to).toBe('+447700900123')
    expect(text.body).toMatch(/Derbyshire Victim Services[^\n]*0800 612 6505/)
    expect(text.body).toMatch(/Action Fraud: 0300 123 2040/)
    expect(text.body).toContain('/guides/cyber-crime-and-fraud')
    expect(rules.smsLength(text.body).texts).toBeLessThanOrEqual(2)

    const status = await runCli(SMS_CLI, ['status'], env)
    expect(status.stdout).toMatch(/sent .* 07\*\*\* \*\*\*123 {2}cyber-crime-and-fraud/)
    expect(status.stdout).not.toContain('900123')
  })

  it.each([
    [['--to', '0300 123 2040'], /to: A UK mobile number starts with 07.*landlines cannot receive texts/],
    [['--to', '07700 900123\nBcc'], /to cannot contain a line break/],
    [['--to', '07700900123', '--guide', 'no-such-guide'], /guide: Unknown guide "no-such-guide"/],
    [
      ['--to', '07700900123', '--lang', 'xx'],
      /lang: "xx" is not a language Signpost publishes in\. Use one of: en \(English\), cy \(Welsh\), pl \(Polish\), ur \(Urdu\)/,
    ],
  ])('refuses %j with a clear error, exit 2 and nothing queued', async (args, message) => {
    const own = { ...env, EMAIL_DB: join(dir, `refused-${Math.random()}.sqlite`) }
    const base = ['send', '--guide', 'cyber-crime-and-fraud', ...args]
    const r = await runCli(SMS_CLI, base, own)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    const status = await runCli(SMS_CLI, ['status', '--json'], own)
    expect(JSON.parse(status.stdout).texts).toEqual([])
  })
})

describe('npm run sms -- send with NOTIFY_API_KEY (against a local stand-in of GOV.UK Notify on 127.0.0.1)', () => {
  it('sends through Notify, says so, and records the delivery Notify reports', async () => {
    const notify = await startNotifyStandIn()
    try {
      const own = { ...env, EMAIL_DB: join(dir, 'notify.sqlite'), NOTIFY_API_KEY: API_KEY, NOTIFY_SMS_TEMPLATE_ID: TEMPLATE_ID, NOTIFY_API_URL: notify.url }
      const r = await runCli(SMS_CLI, ['send', '--guide', 'cyber-crime-and-fraud', '--to', '+44 7700 900123'], own)
      expect(r.code, r.stderr).toBe(0)
      expect(notify.notifications).toHaveLength(1)
      const [n] = notify.notifications
      expect(r.stdout).toContain(`Sending via GOV.UK Notify at 127.0.0.1`)
      expect(r.stdout).toContain(`Sent: GOV.UK Notify accepted it as ${n?.id}`)
      expect(n?.body).toMatch(/Action Fraud: 0300 123 2040/)
      await notify.deliver(n?.id ?? '', 'delivered')
      const outbox = await openSmsOutbox({ path: own.EMAIL_DB, env: {} })
      try {
        expect(await pollReceipts(outbox.queue, notifySmsTransport({ apiKey: API_KEY, templateId: TEMPLATE_ID, baseUrl: notify.url }), Date.now() + 1)).toBe(1)
      } finally {
        await outbox.close()
      }
      const status = await runCli(SMS_CLI, ['status', '--json'], own)
      expect(JSON.parse(status.stdout).texts[0]).toMatchObject({ status: 'sent', notifyStatus: 'delivered', notificationId: n?.id, to: '07*** ***123' })
    } finally {
      await notify.close()
    }
  })
})
