// The site's server: `next start` with the checks of ./guard.ts in front (see there for why Next cannot make them
// itself). Same arguments as next start: -p/--port (or PORT, default 3000), -H/--hostname, and the app directory
// is the working directory. Built to dist/server.mjs by scripts/build-server.mjs; `npm start` runs it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { CACHE_HANDLER_PATH_VARIABLE, cacheUrlFromEnv } from '../lib/cacheConfig'
import { sharedStore } from '../lib/cacheStore'
import { guardRequest, headerSets } from './guard'

function option(args: string[], names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a))
  return i >= 0 ? args[i + 1] : undefined
}

const args = process.argv.slice(2)
const port = Number(option(args, ['-p', '--port']) ?? process.env.PORT ?? 3000)
const hostname = option(args, ['-H', '--hostname'])
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Signpost: the port "${option(args, ['-p', '--port']) ?? process.env.PORT}" is not a port number (0 to 65535).`)
  process.exit(1)
}

// Pages are built from the content of build time; say so when the content has changed since (a dataset edited
// after `npx turbo run build`, which cannot see inside a file outside the repository without `npm run build`).
// Both paths are relative to this file, the same from server/main.ts and from its bundle dist/server.mjs.
try {
  const built = (JSON.parse(readFileSync(new URL('../dist/content-stamp.json', import.meta.url), 'utf8')) as { stamp?: string }).stamp
  const stampModule = new URL('../../../scripts/content-stamp.mjs', import.meta.url).href
  const { contentStamp } = (await import(stampModule)) as { contentStamp: (env: NodeJS.ProcessEnv) => Promise<string> }
  const now = await contentStamp(process.env)
  if (built && built !== now) {
    console.error(
      `Signpost: the pages were built from other content than the source has now (built from ${built.slice(0, 19)}…, now ${now.slice(0, 19)}…). ` +
        'Pages show the built content until the webhook refreshes them; run `npm run build` (or `npm start`, which builds first) to rebuild.',
    )
  }
} catch {
  // No record of the build's content (an older build): nothing to compare.
}

// Several instances: pages shared through PostgreSQL (SIGNPOST_CACHE_URL). A malformed address stops the start with
// the reason; a database that cannot be reached now is reported, and the site starts on its own copies of the pages.
let cacheUrl: URL | undefined
try {
  cacheUrl = cacheUrlFromEnv()
} catch (e) {
  console.error(`Signpost: ${(e as Error).message}`)
  process.exit(1)
}
if (cacheUrl) {
  // next.config.ts finds the handler here: dist/cache-handler.mjs, beside this file's bundle (dist/server.mjs).
  process.env[CACHE_HANDLER_PATH_VARIABLE] ??= fileURLToPath(new URL('./cache-handler.mjs', import.meta.url))
  const store = sharedStore(cacheUrl)
  try {
    await store.check()
    console.error(
      `Signpost: pages are shared with the other instances through PostgreSQL at ${store.where} (SIGNPOST_CACHE_URL); a webhook to any instance refreshes them all.`,
    )
  } catch {
    // The store has said why; the first request after its retry interval tries again.
  }
}

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port })
await app.prepare()
const handle = app.getRequestHandler()
const sets = headerSets()
const server = createServer((req, res) => {
  if (guardRequest(req, res, sets)) return
  handle(req, res).catch((e: unknown) => {
    console.error('Signpost: a request failed:', e)
    if (!res.headersSent) res.statusCode = 500
    res.end()
  })
})
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost'
  const { port: actual } = server.address() as AddressInfo
  console.error(`Signpost: the site's server is listening on http://${shown.includes(':') ? `[${shown}]` : shown}:${actual}`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
