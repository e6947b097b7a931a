// Reads a request body as the exact text that was sent: webhook signatures are computed over those bytes.
import type { IncomingMessage } from 'node:http'

export async function readRawBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buf.length
    if (size > limitBytes) throw new Error(`Request body is larger than ${limitBytes} bytes.`)
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}
