// Delivery through nodemailer, configured only from the environment: SMTP_URL (pooled, STARTTLS, optional DKIM),
// or, with no SMTP configured, nodemailer's stream transport writing each message as an .eml file a mail program opens.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer, { type DKIMOptions, type NodemailerError, type SendMailOptions } from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import { defaultMailDir } from './paths.js'

export type DeliveryResult = {
  /** Where the message went: the .eml path, or "smtp host:port". */
  where: string
  /** The server's reply (or "written"). */
  response: string
}

export type MailTransport = {
  kind: 'smtp' | 'file'
  /** One line for people: which server or folder, and how. */
  description: string
  send(message: SendMailOptions): Promise<DeliveryResult>
  /** Deletes delivered copies kept on this machine that are older than the cutoff (epoch ms); returns how many. */
  purgeOlderThan(cutoff: number): number
  close(): void
}

export type SendFailure = {
  /** A 5xx reply: the server refused this message for good. */
  permanent: boolean
  responseCode?: number
  message: string
}

export type TransportOverrides = {
  /** Pooled SMTP connections (default 5, EMAIL_SMTP_POOL_SIZE). */
  maxConnections?: number
  /** SMTP socket timeouts in ms (nodemailer's own defaults are minutes). */
  connectionTimeout?: number
  socketTimeout?: number
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

/** DKIM_PRIVATE_KEY holds the PEM itself (with real or "\n" line breaks) or the path of a PEM file. */
function dkimFromEnv(env: NodeJS.ProcessEnv): DKIMOptions | undefined {
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, DKIM_PRIVATE_KEY: key } = env
  if (!domainName && !keySelector && !key) return undefined
  if (!domainName || !keySelector || !key) {
    throw new Error('DKIM signing needs all three of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or none of them).')
  }
  const privateKey = key.includes('-----BEGIN') ? key.replace(/\\n/g, '\n') : existsSync(key) ? readFileSync(key, 'utf8') : undefined
  if (!privateKey) throw new Error('DKIM_PRIVATE_KEY is neither a PEM private key nor the path of a file holding one.')
  return { domainName, keySelector, privateKey }
}

function fileName(messageId: string): string {
  // The Message-ID names the file, so a resend of the same message replaces it rather than adding a second one.
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`
}

function fileTransport(dir: string, dkim: DKIMOptions | undefined): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', ...(dkim ? { dkim } : {}) })
  return {
    kind: 'file',
    description: `no SMTP_URL set: writing each message as an .eml file in ${dir}`,
    async send(message) {
      const info = await transporter.sendMail(message)
      mkdirSync(dir, { recursive: true })
      const path = join(dir, fileName(info.messageId))
      const tmp = `${path}.tmp`
      writeFileSync(tmp, info.message as Buffer, { mode: 0o600 })
      renameSync(tmp, path)
      return { where: path, response: 'written' }
    },
    // The .eml files carry the recipient's address, so they follow the outbox's retention period.
    purgeOlderThan(cutoff) {
      if (!existsSync(dir)) return 0
      let n = 0
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (name.endsWith('.eml') && statSync(path).mtimeMs <= cutoff) {
          rmSync(path)
          n++
        }
      }
      return n
    },
    close() {
      transporter.close()
    },
  }
}

function smtpTransport(url: string, env: NodeJS.ProcessEnv, dkim: DKIMOptions | undefined, overrides: TransportOverrides): MailTransport {
  let parsed: ReturnType<typeof parseConnectionUrl>
  try {
    new URL(url)
    parsed = parseConnectionUrl(url)
  } catch {
    throw new Error('SMTP_URL is not a valid address. Use smtp://user:password@host:587 or smtps://user:password@host:465.')
  }
  if (!parsed.host) throw new Error('SMTP_URL has no host. Use smtp://user:password@host:587.')
  const host = String(parsed.host)
  const port = Number(parsed.port ?? (parsed.secure ? 465 : 587))
  // Beyond this machine, refuse to send in clear text: STARTTLS is required unless the URL itself says
  // ?requireTLS=false (or ?ignoreTLS=true). On loopback (tests, a local relay) nodemailer's opportunistic STARTTLS applies.
  const requireTLS = parsed.secure ? false : 'requireTLS' in parsed || 'ignoreTLS' in parsed ? Boolean(parsed.requireTLS) : !LOOPBACK.has(host)
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: overrides.maxConnections ?? (Number(env.EMAIL_SMTP_POOL_SIZE) || 5),
    maxMessages: 1000,
    requireTLS,
    ...(overrides.connectionTimeout ? { connectionTimeout: overrides.connectionTimeout, greetingTimeout: overrides.connectionTimeout } : {}),
    ...(overrides.socketTimeout ? { socketTimeout: overrides.socketTimeout } : {}),
    logger: false,
    ...(dkim ? { dkim } : {}),
  })
  const how = parsed.secure ? 'TLS' : requireTLS ? 'STARTTLS required' : parsed.ignoreTLS ? 'no TLS' : 'STARTTLS if offered'
  return {
    kind: 'smtp',
    description: `SMTP ${host}:${port} (${how}${dkim ? `, DKIM ${dkim.keySelector}._domainkey.${dkim.domainName}` : ''})`,
    async send(message) {
      const info = await transporter.sendMail(message)
      return { where: `smtp ${host}:${port}`, response: String(info.response ?? '') }
    },
    purgeOlderThan: () => 0, // nothing is kept here once the server has it
    close() {
      transporter.close()
    },
  }
}

/** The transport the environment asks for: SMTP_URL, else .eml files in EMAIL_OUTBOX_DIR (default <repo>/var/mail). */
export function createTransportFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: TransportOverrides = {}): MailTransport {
  const dkim = dkimFromEnv(env)
  const url = env.SMTP_URL?.trim()
  return url ? smtpTransport(url, env, dkim, overrides) : fileTransport(defaultMailDir(env), dkim)
}

/** Tells a reply the server may accept later (4xx, network) from one it refused for good (5xx). */
export function classifySendError(error: unknown): SendFailure {
  const e = error as Partial<NodemailerError> & { message?: string }
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const message = (e.response || e.message || String(error)).toString().replace(/\s+/g, ' ').trim()
  if (code !== undefined) {
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : code >= 500 && code !== 503
    return { permanent, responseCode: code, message }
  }
  return { permanent: false, message: e.code ? `${e.code}: ${message}` : message }
}

export type Sender = {
  from: string
  replyTo?: string
  neutralFrom: string
  /** EMAIL_NEUTRAL_FROM is set: the neutral sender is exactly that, in every language. */
  neutralFromConfigured: boolean
  /** The bare address of EMAIL_FROM. */
  address: string
}

/** The address in "Name <address>", or the whole value when it is a bare address. */
const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from

/**
 * Sender addresses from EMAIL_FROM / EMAIL_REPLY_TO. The neutral sender keeps the address and swaps the display name
 * (EMAIL_NEUTRAL_FROM replaces it whole, for a service whose address itself would say too much).
 */
export function senderFromEnv(env: NodeJS.ProcessEnv = process.env, neutralName: string): Sender {
  const from = env.EMAIL_FROM?.trim() || 'advice@signpost.invalid'
  if (/[\r\n]/.test(from) || /[\r\n]/.test(env.EMAIL_REPLY_TO ?? '')) throw new Error('EMAIL_FROM and EMAIL_REPLY_TO cannot contain line breaks.')
  const neutralFrom = env.EMAIL_NEUTRAL_FROM?.trim() || `${neutralName} <${addressOf(from)}>`
  if (/[\r\n]/.test(neutralFrom)) throw new Error('EMAIL_NEUTRAL_FROM cannot contain line breaks.')
  return {
    from,
    replyTo: env.EMAIL_REPLY_TO?.trim() || undefined,
    neutralFrom,
    neutralFromConfigured: Boolean(env.EMAIL_NEUTRAL_FROM?.trim()),
    address: addressOf(from).trim(),
  }
}

const domainOf = (address: string): string =>
  address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()
/** DMARC's relaxed alignment, approximately: the same domain, or one a subdomain of the other. */
const aligned = (a: string, b: string): boolean => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)

/**
 * A warning when DKIM signs for a domain the From address is not at: DMARC alignment then fails, and receiving servers
 * may junk or refuse every message although the signature itself is valid.
 */
export function dkimAlignmentWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dkimDomain = env.DKIM_DOMAIN?.trim().toLowerCase()
  if (!dkimDomain) return undefined
  const froms = [env.EMAIL_FROM?.trim() || 'advice@signpost.invalid', env.EMAIL_NEUTRAL_FROM?.trim()].filter((f): f is string => Boolean(f))
  const off = [...new Set(froms.map((f) => domainOf(addressOf(f))))].filter((d) => !aligned(d, dkimDomain))
  if (off.length === 0) return undefined
  return (
    `Warning: DKIM_DOMAIN is ${dkimDomain} but mail is sent from ${off.join(' and ')} (EMAIL_FROM${env.EMAIL_NEUTRAL_FROM ? ' / EMAIL_NEUTRAL_FROM' : ''}), ` +
    `so DMARC alignment fails and receiving servers may junk or refuse these messages. Sign for the From domain, or send from an address at ${dkimDomain}.`
  )
}

/** The domain to put in Message-IDs: the DKIM domain, else the sender's. */
export function messageIdDomain(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DKIM_DOMAIN) return env.DKIM_DOMAIN
  return /@([A-Za-z0-9.-]+)$/.exec(addressOf(env.EMAIL_FROM ?? '').trim())?.[1] ?? 'signpost.invalid'
}
