// A real SMTP server on 127.0.0.1 that keeps every message it accepts (parsed with mailparser): the console's advice
// must arrive, once. A smaller copy of apps/email's test server, which is not part of that app's public exports.
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type TestSmtp = { url: string; messages: ParsedMail[]; close(): Promise<void> }

/** Addresses containing "bounce" are refused for good (550), as a mailbox that does not exist. */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 20 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (address.address.includes('bounce')) return callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }))
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          messages.push(m)
          callback()
        })
        .catch((e: Error) => callback(e))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as { port: number }).port
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) }
}
