// A real SMTP server on 127.0.0.1 that keeps every message it accepts (parsed with mailparser): the console's advice
// must arrive, once. apps/email's test server (@signpost/email/testing), with the console tests' one rule for refusals.
import { startSmtpServer, type TestSmtpServer } from '@signpost/email/testing'

export type TestSmtp = Pick<TestSmtpServer, 'url' | 'messages' | 'close'>

/** Addresses containing "bounce" are refused for good (550), as a mailbox that does not exist. */
export function startSmtp(): Promise<TestSmtp> {
  return startSmtpServer({ onRcpt: (address) => (address.includes('bounce') ? { code: 550, message: '5.1.1 No such mailbox here' } : undefined) })
}
