// SIGNPOST_CACHE_URL and SIGNPOST_BUILD_ID as an operator writes them: unset is one instance and changes nothing; a
// value that is not a PostgreSQL address is refused in words that name the variable; logs never show the password;
// the build (next build) never gets the handler, only the running server does.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { buildIdFromEnv, cacheUrlFromEnv, describeCacheUrl, sharedCacheConfig } from './cacheConfig'

test('unset or blank is one instance: no handler, Next keeps its own cache', () => {
  expect(cacheUrlFromEnv({})).toBeUndefined()
  expect(cacheUrlFromEnv({ SIGNPOST_CACHE_URL: '  ' })).toBeUndefined()
  expect(sharedCacheConfig('phase-production-server', {})).toEqual({})
})

test('a value that is not a PostgreSQL address is refused, naming the variable', () => {
  expect(() => cacheUrlFromEnv({ SIGNPOST_CACHE_URL: 'redis://cache.internal:6379' })).toThrow(
    'SIGNPOST_CACHE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database), not a redis: address.',
  )
  expect(() => cacheUrlFromEnv({ SIGNPOST_CACHE_URL: 'db.internal:5432' })).toThrow('SIGNPOST_CACHE_URL must be a PostgreSQL address')
  expect(() => cacheUrlFromEnv({ SIGNPOST_CACHE_URL: 'not an address' })).toThrow('SIGNPOST_CACHE_URL is not an address')
  expect(cacheUrlFromEnv({ SIGNPOST_CACHE_URL: 'postgresql://u:p@db.internal/signpost' })?.hostname).toBe('db.internal')
})

test('the database is described by host, port and name, never by user or password', () => {
  const url = cacheUrlFromEnv({ SIGNPOST_CACHE_URL: 'postgres://signpost:s3cret-P%40ss@db.internal:6543/site_cache' })
  if (!url) throw new Error('expected a URL')
  expect(describeCacheUrl(url)).toBe('db.internal:6543/site_cache')
  expect(describeCacheUrl(new URL('postgres://signpost:pw@db.internal/signpost'))).toBe('db.internal:5432/signpost')
})

test('only the running server gets the handler, with no private memory copy; next build never needs the database', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'signpost-cache-config-'))
  try {
    await mkdir(join(dir, 'dist'))
    const handler = join(dir, 'dist', 'cache-handler.mjs')
    await writeFile(handler, 'export default class {}\n')
    const env = { SIGNPOST_CACHE_URL: 'postgres://u@db.internal/signpost', SIGNPOST_CACHE_HANDLER_PATH: handler }
    expect(sharedCacheConfig('phase-production-server', env, dir)).toEqual({ cacheHandler: handler, cacheMaxMemorySize: 0 })
    expect(sharedCacheConfig('phase-production-build', env, dir)).toEqual({})
    // Without the server's hint, the app folder's dist/cache-handler.mjs; with neither built, a plain refusal.
    expect(sharedCacheConfig('phase-production-server', { SIGNPOST_CACHE_URL: env.SIGNPOST_CACHE_URL }, dir).cacheHandler).toBe(handler)
    await rm(handler)
    expect(() => sharedCacheConfig('phase-production-server', env, dir)).toThrow('the shared cache handler is not built')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

test('SIGNPOST_BUILD_ID is used as given when it is safe in a URL and a folder name, and refused otherwise', () => {
  expect(buildIdFromEnv({})).toBeUndefined()
  expect(buildIdFromEnv({ SIGNPOST_BUILD_ID: ' 9983c3f-content.4b1e ' })).toBe('9983c3f-content.4b1e')
  for (const bad of ['../../etc', 'has space', 'x'.repeat(65), 'é']) expect(() => buildIdFromEnv({ SIGNPOST_BUILD_ID: bad }), bad).toThrow('SIGNPOST_BUILD_ID')
})
