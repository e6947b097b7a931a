// What the site's server checks before Next.js sees a request. Next answers a request whose target is an absolute
// URL ("GET http://evil.example/ HTTP/1.1") with a 308 to that other host, and does so before next.config's headers
// or a proxy/middleware run; it also sends its early redirects with none of the safety headers. So: a target that
// is not a path gets 400, a declared body over the limit gets 413, and every response gets the headers it lacks.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { securityHeaders, universalHeaders, type Header } from '../lib/securityHeaders'

/** The full strict set, and the set every response shares; worked out once, at start, from the environment. */
export type HeaderSets = { strict: Header[]; shared: Header[] }

export function headerSets(env: NodeJS.ProcessEnv = process.env): HeaderSets {
  return { strict: securityHeaders(env), shared: universalHeaders(env) }
}

/** The largest request body any route accepts: Next's own API body limit ("1mb"). */
export const MAX_BODY_BYTES = 1024 * 1024

/** Why a request target is refused, or undefined for an ordinary path ("/guides/x?y"). */
export function targetProblem(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/')) {
    return 'This server only answers requests for its own paths (such as /guides/…); the request named a whole address or another host.'
  }
  return undefined
}

/** Why a declared body is refused (413), or undefined. Bodies sent without a length are limited by the routes. */
export function bodyProblem(contentLength: string | undefined, limit = MAX_BODY_BYTES): string | undefined {
  if (contentLength === undefined) return undefined
  const length = Number(contentLength)
  if (Number.isFinite(length) && length <= limit) return undefined
  return `The request body is larger than this server accepts (${limit} bytes).`
}

/**
 * Adds the safety headers a response lacks, just before its head is written. A response that already has a
 * Content-Security-Policy chose its framing (the Studio's preview routes may be framed), so it only gets the
 * headers every response shares; one without (Next's early redirects and errors) gets the full strict set.
 */
export function fillMissingHeaders(res: ServerResponse, { strict, shared }: HeaderSets): void {
  const writeHead = res.writeHead
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = this.hasHeader('Content-Security-Policy') ? shared : strict
    for (const h of headers) if (!this.hasHeader(h.key)) this.setHeader(h.key, h.value)
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
}

function refuse(res: ServerResponse, status: number, message: string, close: boolean): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  // A refused body is read and discarded by Node after the answer (bounded by the server's requestTimeout):
  // closing at once would reset the connection under a client still sending, which then never sees the 413.
  if (close) res.setHeader('Connection', 'close')
  res.end(`${message}\n`)
}

/** Answers the request itself (400 or 413) and returns true, or prepares the response and returns false for Next. */
export function guardRequest(req: IncomingMessage, res: ServerResponse, sets: HeaderSets): boolean {
  fillMissingHeaders(res, sets)
  // After a 413 (Next's body parser stops reading at its limit and leaves the rest unread), the rest of the body
  // is read and discarded, so the client still sending sees the answer and the connection stays usable.
  res.once('finish', () => {
    if (res.statusCode === 413 && !req.complete) req.resume()
  })
  const target = targetProblem(req.url)
  if (target) {
    refuse(res, 400, target, true)
    return true
  }
  const header = req.headers['content-length']
  const body = bodyProblem(Array.isArray(header) ? header[0] : header)
  if (body) {
    refuse(res, 413, body, false)
    return true
  }
  return false
}
