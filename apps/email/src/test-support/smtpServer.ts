// A real SMTP server on 127.0.0.1 for tests: records every message (parsed with mailparser) and can
// answer with chosen errors, so retries, permanent failures and outages are tested against real SMTP. Other
// workspaces' tests (the staff console's e2e) use it as @signpost/email/testing.
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server'

export type SmtpReply = { code: number; message: string } | undefined

export type TestSmtpServer = {
  port: number
  url: string
  /** Messages accepted, parsed, in arrival order. */
  messages: ParsedMail[]
  /** Number of messages accepted (counted before parsing finishes). */
  accepted(): number
  /** SMTP transactions that reached the end of DATA (accepted or not): a duplicate delivery shows up here. */
  transactions(): number
  close(): Promise<void>
}

export type TestSmtpOptions = {
  port?: number
  /** Answer RCPT TO with an error (return a reply) or accept (return undefined). */
  onRcpt?: (address: string, session: SMTPServerSession) => SmtpReply
  /** Answer the end of DATA with an error, or accept. Runs after the message body was read. */
  onData?: (raw: Buffer) => SmtpReply | Promise<SmtpReply>
  /** Waits this long before answering the final dot of every message: a slow server, as some relays are under load. */
  replyDelayMs?: number
}

function smtpError(reply: NonNullable<SmtpReply>): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code })
}

export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = []
  let accepted = 0
  let transactions = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 20 * 1024 * 1024,
    maxClients: 100,
    closeTimeout: 200,
    onRcptTo(address: SMTPServerAddress, session, callback) {
      const reply = options.onRcpt?.(address.address, session)
      callback(reply ? smtpError(reply) : undefined)
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        transactions += 1
        const delay = options.replyDelayMs ? new Promise((r) => setTimeout(r, options.replyDelayMs)) : Promise.resolve()
        delay
          .then(() => options.onData?.(raw))
          .then(async (reply) => {
            if (reply) return callback(smtpError(reply))
            accepted += 1
            messages.push(await simpleParser(raw))
            callback()
          })
          .catch((e: Error) => callback(e))
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as { port: number }).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    accepted: () => accepted,
    transactions: () => transactions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A port nothing listens on (yet): for "SMTP is down", then start the server on it. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))
  const port = (s.address() as { port: number }).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}
