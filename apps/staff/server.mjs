#!/usr/bin/env node
// The staff console's server: the built Next app (next start's handler) on STAFF_PORT (default 3001), bound to
// STAFF_HOST (default 127.0.0.1: put a TLS proxy in front to serve it to other machines). With no identity provider
// configured (STAFF_OIDC_ISSUER), it prints a one-time sign-in link: valid once, for 15 minutes, from this computer only.
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'next'

const dir = dirname(fileURLToPath(import.meta.url))
const port = Number(process.env.STAFF_PORT || 3001)
const host = process.env.STAFF_HOST || '127.0.0.1'
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Signpost staff: STAFF_PORT must be a port number, not ${JSON.stringify(process.env.STAFF_PORT)}.`)
  process.exit(2)
}

const app = next({ dir, dev: false, hostname: host, port })
const handle = app.getRequestHandler()
await app.prepare()

globalThis.__signpostStaffDir = dir
globalThis.__signpostStaff ??= { jobs: new Map(), drafts: new Map() }

const server = createServer((req, res) => {
  res.setHeader('Cache-Control', 'no-store')
  // Whether this request came straight from the browser (no proxy said it forwarded it), before Next adds its own
  // x-forwarded-* headers: lib/session.ts's loopback check reads it. A client cannot set it: it is replaced here.
  const direct = !req.headers['x-forwarded-for'] && !req.headers.forwarded
  req.headers['x-signpost-direct'] = direct ? '1' : '0'
  handle(req, res).catch((e) => {
    console.error('Signpost staff: request failed:', e)
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Something went wrong in the console. The error is in its log.')
  })
})
server.listen(port, host, async () => {
  // The configuration, checked by the console's own code (pages/api/health.ts): a bad value stops the start here.
  // (Only reachable over loopback: when bound to another single address, the routes report problems themselves.)
  const reachable = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'].includes(host)
  const health = !reachable
    ? { ok: true }
    : await fetch(`http://${host === '::1' ? '[::1]' : '127.0.0.1'}:${port}/api/health`)
        .then((r) => r.json())
        .catch((e) => ({ ok: false, problems: [`could not check the configuration: ${e.message}`] }))
  if (!health.ok) {
    for (const p of health.problems) console.error(`Signpost staff: ${p}`)
    console.error('Signpost staff: not started; fix the settings above (see apps/staff/README.md).')
    process.exit(2)
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  const base = `http://${shown}:${port}`
  if (process.env.STAFF_OIDC_ISSUER) {
    console.error(`Signpost staff: the console is at ${base}/ (sign in with ${new URL(process.env.STAFF_OIDC_ISSUER).host})`)
  } else {
    const token = randomBytes(32).toString('base64url')
    globalThis.__signpostStaff.oneTimeLink = {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: Date.now() + 15 * 60 * 1000,
      used: false,
    }
    console.error(`Signpost staff: the console is at ${base}/ ; no identity provider is configured (STAFF_OIDC_ISSUER), so sign in once with`)
    console.error(`Signpost staff:   ${base}/api/auth/once?token=${token}`)
    console.error('Signpost staff: (valid once, for 15 minutes, in a browser on this computer; restart for a new link)')
  }
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
