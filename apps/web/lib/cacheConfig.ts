// Whether the site shares its page cache with other instances, from the environment: SIGNPOST_CACHE_URL names a
// PostgreSQL database (postgres://…) that every `next start` instance behind the load balancer uses, so one signed
// webhook to any instance refreshes the pages every instance serves. Unset: one instance, the pages cached in its
// own .next folder, as Next does by default. Read by next.config.ts (when the server starts) and server/main.ts.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const CACHE_URL_VARIABLE = 'SIGNPOST_CACHE_URL'

/** The shared cache's database, or undefined for one instance; a value that is not a PostgreSQL address is refused. */
export function cacheUrlFromEnv(env: Record<string, string | undefined> = process.env): URL | undefined {
  const raw = env[CACHE_URL_VARIABLE]?.trim()
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(
      `${CACHE_URL_VARIABLE} is not an address: set it to a PostgreSQL database such as postgres://signpost:password@db.internal:5432/signpost, or leave it unset for one instance.`,
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(
      `${CACHE_URL_VARIABLE} must be a PostgreSQL address (postgres://user:password@host:5432/database), not a ${url.protocol.replace(/:$/, '')}: address. ` +
        'The shared page cache is kept in PostgreSQL; leave it unset for one instance.',
    )
  }
  if (!url.hostname && !url.searchParams.get('host')) throw new Error(`${CACHE_URL_VARIABLE} names no host (postgres://user:password@host:5432/database).`)
  return url
}

/** The database in words for logs: host, port and database, never the user name or password. */
export function describeCacheUrl(url: URL): string {
  const host = url.hostname || url.searchParams.get('host') || 'localhost'
  return `${host}:${url.port || '5432'}/${decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)'}`
}

/**
 * SIGNPOST_BUILD_ID: the build id when each machine builds for itself (cached pages are shared only within one
 * build id). It names folders and URLs under /_next/, so only letters, digits, ".", "_" and "-", up to 64.
 */
export function buildIdFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const id = env.SIGNPOST_BUILD_ID?.trim()
  if (!id) return undefined
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    throw new Error(
      `SIGNPOST_BUILD_ID ${JSON.stringify(id.slice(0, 80))} cannot be a build id: use up to 64 letters, digits, ".", "_" and "-" ` +
        '(such as the commit hash).',
    )
  }
  return id
}

/** Where the bundled handler is: dist/cache-handler.mjs beside the site's server (scripts/build-server.mjs builds both). */
export const CACHE_HANDLER_PATH_VARIABLE = 'SIGNPOST_CACHE_HANDLER_PATH'

function handlerPath(env: Record<string, string | undefined>, appDir: string): string {
  const candidates = [env[CACHE_HANDLER_PATH_VARIABLE], join(appDir, 'dist', 'cache-handler.mjs')].filter((p): p is string => Boolean(p))
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`${CACHE_URL_VARIABLE} is set but the shared cache handler is not built (${candidates.join(' or ')}): run \`npm run build\`.`)
  return found
}

/**
 * The next.config part for a shared cache: Next's documented way for several self-hosted instances (a custom
 * cacheHandler, and cacheMaxMemorySize 0 so no instance keeps a private in-memory copy that a webhook to another
 * instance could not refresh). Only for the running server: `next build` writes the prerendered pages to .next as
 * always and never needs the database; each instance reads those when the shared cache has no newer copy.
 */
export function sharedCacheConfig(
  phase: string,
  env: Record<string, string | undefined> = process.env,
  appDir = process.cwd(),
): { cacheHandler?: string; cacheMaxMemorySize?: number } {
  if (phase !== 'phase-production-server' || !cacheUrlFromEnv(env)) return {}
  return { cacheHandler: handlerPath(env, appDir), cacheMaxMemorySize: 0 }
}
