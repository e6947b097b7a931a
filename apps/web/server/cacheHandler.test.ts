// The shared cache handler against a real PostgreSQL (@signpost/pgtest), as Next calls it: what one instance writes
// another reads; another build's entries are never served; a tag revalidation is a miss everywhere; and with the
// database refusing connections or never answering, each instance serves its own copy and nothing throws.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import type { CacheHandlerContext } from 'next/dist/server/lib/incremental-cache'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { sharedStore, type SharedCacheStore } from '../lib/cacheStore'
import SharedCacheHandler from './cacheHandler'
import { startTcpRelay, type TcpRelay } from './tcpRelay'

const { nodeFs } = createRequire(import.meta.url)('next/dist/server/lib/node-fs-methods') as { nodeFs: NonNullable<CacheHandlerContext['fs']> }

let pg: TestPostgres
let relay: TcpRelay
let store: SharedCacheStore
let tmp: string
const logs: string[] = []

const KEY = '/route-cache/PAGES/0123abcd/$/guides/cyber-crime-and-fraud'
const PAGE_CTX = { kind: 'PAGES', isFallback: false } as const
const page = (title: string) => ({ kind: 'PAGES', html: `<h1>${title}</h1>`, pageData: { pageProps: { title } }, headers: undefined, status: 200 }) as const

type Handler = InstanceType<typeof SharedCacheHandler>
type GetCtx = Parameters<Handler['get']>[1]
type SetCtx = Parameters<Handler['set']>[2]
type SetValue = Parameters<Handler['set']>[1]

let instances = 0
/** A handler as one `next start` instance makes it: its own .next folder (with BUILD_ID), the shared database. */
async function instance(buildId: string): Promise<Handler> {
  const dist = join(tmp, `instance-${++instances}`, '.next')
  await mkdir(join(dist, 'server', 'pages'), { recursive: true })
  await writeFile(join(dist, 'BUILD_ID'), buildId)
  return new SharedCacheHandler({
    fs: nodeFs,
    serverDistDir: join(dist, 'server'),
    flushToDisk: true,
    maxMemoryCacheSize: 0,
    revalidatedTags: [],
    _requestHeaders: {},
  })
}

const get = (h: Handler, key = KEY, ctx: object = PAGE_CTX) => h.get(key, ctx as GetCtx)
const set = (h: Handler, value: unknown, key = KEY, ctx: object = { cacheControl: { revalidate: false, expire: undefined }, isFallback: false }) =>
  h.set(key, value as SetValue, ctx as SetCtx)
const html = async (h: Handler, key = KEY) => ((await get(h, key))?.value as { html?: string } | null | undefined)?.html

beforeAll(async () => {
  pg = await startPostgres()
  const db = await pg.createDatabase('web_cache_handler')
  relay = await startTcpRelay(pg.port)
  const url = new URL(db)
  url.port = String(relay.port)
  process.env.SIGNPOST_CACHE_URL = url.href
  // Registered first, so the handlers use it: short timeouts and retry interval, and the log kept for the tests.
  store = sharedStore(url, { connectTimeoutMs: 500, queryTimeoutMs: 1000, retryAfterMs: 200, log: (line) => logs.push(line) })
  tmp = await mkdtemp(join(tmpdir(), 'signpost-cache-handler-'))
}, 60_000)

afterAll(async () => {
  await store?.close()
  await relay?.close()
  await pg?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
  delete process.env.SIGNPOST_CACHE_URL
})

/** Waits out the store's retry interval after a failure, so the next call tries the database again. */
const afterRetryInterval = () => new Promise((r) => setTimeout(r, 300))

test('a page one instance renders is what another instance of the same build serves', async () => {
  const a = await instance('build-1')
  const b = await instance('build-1')
  expect(await get(b)).toBeNull()
  await set(a, page('New title from the webhook'))
  const found = await get(b)
  expect(found?.value).toEqual(page('New title from the webhook'))
  expect(found?.cacheControl).toEqual({ revalidate: false })
  // A newer render on b replaces it for a as well.
  await set(b, page('Newer title'))
  expect(await html(a)).toBe('<h1>Newer title</h1>')
})

test('an instance that holds the current version of a page reads only its version, not the page, from the database', async () => {
  const a = await instance('build-held')
  await set(a, page('Held page'))
  const first = await store.get('build-held', KEY)
  expect(first?.unchanged).toBe(false)
  const again = await store.get('build-held', KEY, [], first?.version)
  expect(again).toMatchObject({ unchanged: true, value: undefined, version: first?.version })
  // Its reads serve the page it holds, and the moment another instance writes a new version, that one.
  const b = await instance('build-held')
  expect(await html(a)).toBe('<h1>Held page</h1>')
  await set(b, page('Written by the other instance'))
  expect(await html(a)).toBe('<h1>Written by the other instance</h1>')
})

test("another build's entries are never served: a new deployment starts from its own prerendered pages", async () => {
  const old = await instance('build-old')
  await set(old, page('Rendered by the old deployment'))
  const fresh = await instance('build-new')
  expect(await get(fresh)).toBeNull()
  expect(await html(await instance('build-old'))).toBe('<h1>Rendered by the old deployment</h1>')
})

test('a page that does not exist (notFound) and binary App Router bodies come back as they were stored', async () => {
  const a = await instance('build-2')
  const b = await instance('build-2')
  await set(a, null, '/route-cache/PAGES/0123abcd/$/organisations/gone')
  const gone = await get(b, '/route-cache/PAGES/0123abcd/$/organisations/gone')
  expect(gone).not.toBeNull()
  expect(gone?.value).toBeNull()
  // Bytes that are not UTF-8, and a NUL, survive (the value is stored as bytea, not text).
  const body = Buffer.from([0xff, 0xfe, 0x00, 0x41])
  const route = { kind: 'APP_ROUTE', body, headers: { 'content-type': 'application/octet-stream' }, status: 200 }
  await set(a, route, '/route-cache/APP_ROUTE/0123abcd/$/file')
  const back = (await get(b, '/route-cache/APP_ROUTE/0123abcd/$/file', { kind: 'APP_ROUTE', isFallback: false }))?.value as { body: Buffer }
  expect(Buffer.isBuffer(back.body)).toBe(true)
  expect([...back.body]).toEqual([0xff, 0xfe, 0x00, 0x41])
})

test('a revalidated tag makes every entry carrying it a miss on every instance', async () => {
  const a = await instance('build-3')
  const b = await instance('build-3')
  const tagged = { ...page('Tagged page'), headers: { 'x-next-cache-tags': 'guide,guide:one' } }
  await set(a, tagged)
  expect(await html(b)).toBe('<h1>Tagged page</h1>')
  await a.revalidateTag('guide:one')
  expect(await get(b)).toBeNull()
  // Written again after the revalidation: served again.
  await set(b, tagged)
  expect(await html(a)).toBe('<h1>Tagged page</h1>')
})

test('with the database refusing connections, each instance serves its own copy, says so once, and nothing throws', async () => {
  const a = await instance('build-4')
  const b = await instance('build-4')
  await set(a, page('Before the outage'))
  // b reads it from the database and keeps a copy in its own files.
  expect(await html(b)).toBe('<h1>Before the outage</h1>')

  logs.length = 0
  await relay.set('refuse')
  await expect(get(b)).resolves.not.toBeNull()
  expect(await html(b)).toBe('<h1>Before the outage</h1>')
  expect(await html(a)).toBe('<h1>Before the outage</h1>')
  // A render during the outage is kept by the instance that made it and reported as not shared.
  const since = Date.now()
  await expect(set(a, page('Rendered during the outage'))).resolves.toBeUndefined()
  expect(await html(a)).toBe('<h1>Rendered during the outage</h1>')
  expect(await html(b)).toBe('<h1>Before the outage</h1>')
  expect(store.writeProblemsSince(since).map((p) => p.key)).toEqual([KEY])
  expect(logs.filter((l) => l.includes('cannot be used'))).toHaveLength(1)
  expect(logs[0]).toContain('SIGNPOST_CACHE_URL')
  expect(logs[0]).not.toContain('postgres://')

  // Back: a's newer copy wins over the older shared one, and is written there, so b serves it too.
  await relay.set('relay')
  await afterRetryInterval()
  expect(await html(a)).toBe('<h1>Rendered during the outage</h1>')
  expect(await html(b)).toBe('<h1>Rendered during the outage</h1>')
  expect(logs.some((l) => l.includes('reachable again'))).toBe(true)
})

test('a database that accepts connections and never answers costs one wait per retry interval, then pages come from the instance', async () => {
  const a = await instance('build-5')
  await set(a, page('Served while the database hangs'))
  await relay.set('blackhole')
  try {
    await afterRetryInterval()
    // The first call waits for the connection timeout; the ones after it within the interval do not touch the database.
    expect(await html(a)).toBe('<h1>Served while the database hangs</h1>')
    expect(store.unavailable).toBe(true)
    for (let i = 0; i < 20; i++) expect(await html(a)).toBe('<h1>Served while the database hangs</h1>')
  } finally {
    await relay.set('relay')
    await afterRetryInterval()
  }
  expect(await html(a)).toBe('<h1>Served while the database hangs</h1>')
  expect(store.unavailable).toBe(false)
})

test('webhook deliveries one instance acted on are seen by another, until they expire', async () => {
  const now = Date.now()
  expect(await store.deliverySeen(['signature:t=1,v1=abc', 'idempotency-key:one'], now)).toBeUndefined()
  await store.rememberDelivery(['signature:t=1,v1=abc', 'idempotency-key:one'], now + 60_000, now)
  expect(await store.deliverySeen(['signature:t=2,v1=def', 'idempotency-key:one'], now)).toBe('idempotency-key:one')
  expect(await store.deliverySeen(['signature:t=1,v1=abc'], now + 61_000)).toBeUndefined()
})
