// Small helpers for the Pages API routes: one query value (also for getServerSideProps' context), the client's
// address, and method checks.
import type { NextApiRequest, NextApiResponse } from 'next'

/** The first value of a query parameter, from an API request or a getServerSideProps context. */
export function queryValue(req: { query: Partial<Record<string, string | string[]>> }, name: string): string | undefined {
  const v = req.query[name]
  return Array.isArray(v) ? v[0] : v
}

/** The client's address for per-client limits: the socket's peer, or X-Forwarded-For behind a trusted proxy. */
export function clientAddress(req: NextApiRequest): string {
  if (process.env.SIGNPOST_TRUST_PROXY === '1') {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}

export function allowMethods(req: NextApiRequest, res: NextApiResponse, methods: string[]): boolean {
  if (req.method && methods.includes(req.method)) return true
  res.setHeader('Allow', methods.join(', '))
  res.status(405).json({ error: `Use ${methods.join(' or ')}.` })
  return false
}
