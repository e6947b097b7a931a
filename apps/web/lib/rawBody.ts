// Reads a request body as the exact text that was sent: webhook signatures are computed over those bytes.
// A body over the limit (declared or streamed) is a BodyTooLargeError, which routes answer with 413.
import type { IncomingMessage } from 'node:http'

/** The largest body an API route reads: the same 1 MiB as Next's own API body parser and the server's check. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {
  readonly status = 413
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes, the most this route accepts.`)
  }
}

export async function readRawBody(req: IncomingMessage, limitBytes = BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes)
  const chunks: Buffer[] = []
  let size = 0
  // destroyOnReturn: false keeps the socket open when reading stops early, so the 413 can still be sent.
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buf.length
    if (size > limitBytes) {
      // The rest is read and discarded, so the client, still sending, gets the 413.
      req.resume()
      throw new BodyTooLargeError(limitBytes)
    }
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}
