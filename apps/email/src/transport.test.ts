// Transport from the environment: STARTTLS for remote SMTP, .eml files without it, DKIM, and how SMTP errors are classed.
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { classifySendError, createTransportFromEnv, senderFromEnv } from './transport.js'

describe('createTransportFromEnv', () => {
  it('requires STARTTLS for a remote SMTP server unless the URL says otherwise', () => {
    const remote = createTransportFromEnv({ SMTP_URL: 'smtp://user:secret@mail.example.org:587' })
    expect(remote.kind).toBe('smtp')
    expect(remote.description).toBe('SMTP mail.example.org:587 (STARTTLS required)')
    expect(remote.description).not.toContain('secret')
    remote.close()
    const relaxed = createTransportFromEnv({ SMTP_URL: 'smtp://mail.example.org:25?requireTLS=false' })
    expect(relaxed.description).toContain('STARTTLS if offered')
    relaxed.close()
    const tls = createTransportFromEnv({ SMTP_URL: 'smtps://mail.example.org' })
    expect(tls.description).toBe('SMTP mail.example.org:465 (TLS)')
    tls.close()
  })

  it('refuses an SMTP_URL that is not one, and a half-configured DKIM', () => {
    expect(() => createTransportFromEnv({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL is not a valid address/)
    expect(() => createTransportFromEnv({ DKIM_DOMAIN: 'example.org' })).toThrow(/DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY/)
  })

  it('writes .eml files named by Message-ID when no SMTP is set, DKIM-signed when configured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-email-eml-'))
    try {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n')
      const t = createTransportFromEnv({ EMAIL_OUTBOX_DIR: dir, DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'advice', DKIM_PRIVATE_KEY: pem })
      expect(t.kind).toBe('file')
      expect(t.description).toContain(dir)
      const r = await t.send({ from: 'a@example.org', to: 'b@example.com', subject: 'Hi', text: 'x', html: '<p>x</p>', messageId: '<abc@example.org>' })
      expect(r.where).toBe(join(dir, 'abc_example.org.eml'))
      const raw = readFileSync(r.where)
      expect(raw.toString()).toMatch(/^DKIM-Signature: [^]*?d=example\.org;[^]*?s=advice;/)
      const mail = await simpleParser(raw)
      expect(mail.messageId).toBe('<abc@example.org>')
      t.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('senderFromEnv', () => {
  it('keeps the address and swaps the name for the neutral sender, and refuses line breaks', () => {
    expect(senderFromEnv({ EMAIL_FROM: 'Victim Services <help@vs.example>', EMAIL_REPLY_TO: 'team@vs.example' }, 'Information service')).toEqual({
      from: 'Victim Services <help@vs.example>',
      replyTo: 'team@vs.example',
      neutralFrom: 'Information service <help@vs.example>',
      neutralFromConfigured: false,
      address: 'help@vs.example',
    })
    expect(() => senderFromEnv({ EMAIL_FROM: 'a@b.example\r\nBcc: x@y.example' }, 'x')).toThrow(/line breaks/)
  })
})

describe('classifySendError', () => {
  it('treats 4xx and network errors as retryable and 5xx as permanent', () => {
    expect(classifySendError(Object.assign(new Error('x'), { responseCode: 451, response: '451 4.7.1 later' }))).toMatchObject({
      permanent: false,
      responseCode: 451,
    })
    expect(classifySendError(Object.assign(new Error('x'), { responseCode: 550, response: '550 5.1.1 gone' }))).toMatchObject({
      permanent: true,
      responseCode: 550,
      message: '550 5.1.1 gone',
    })
    expect(classifySendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toMatchObject({ permanent: false })
  })
})
