// Several site instances behind a load balancer (issue 13, item 5): two `next start` instances (dist/server.mjs, each on
// its own copy of the build, as on two machines) share a real PostgreSQL through SIGNPOST_CACHE_URL. After the content
// changes and one signed webhook reaches the first, the second serves the new title; a replay of that delivery to the
// second regenerates nothing; a page stored under another build's id is never served; draft mode stays per request.
// With the database refusing connections, or never answering, both still serve pages (each its own copy), a webhook
// then answers 500 so Sanity sends it again, and once the database is back every instance converges on the newest page.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import pgDriver from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTcpRelay, type TcpRelay } from '../server/tcpRelay'
import { copyDatasetImages, DRAFT_TITLE, SEED_GUIDE_ID, testDatasetText } from './fixtures'
import { GUIDE } from './site'
import { appDir, startSite, type RunningSite } from './startSite'

const SECRET = 'two-instances-webhook-secret'
const PREVIEW_SECRET = 'two-instances-preview-secret'
const BUILT_TITLE = 'Cyber Crime and Fraud'

let pg: TestPostgres
let relay: TcpRelay
let tmp: string
let datasetFile: string
let cacheUrl: string
let a: RunningSite
let b: RunningSite
const started: RunningSite[] = []

async function setSeedTitle(title: string) {
  const lines = (await readFile(datasetFile, 'utf8')).split('\n').map((line) => {
    if (!line.trim()) return line
    const doc = JSON.parse(line) as { _id: string; title?: string }
    return doc._id === SEED_GUIDE_ID ? JSON.stringify({ ...doc, title }) : line
  })
  await writeFile(datasetFile, lines.join('\n'))
}

/** One instance as a machine behind the load balancer runs it: the same public address, secrets and database. */
async function instance(name: string): Promise<RunningSite> {
  const site = await startSite(() => ({
    SIGNPOST_DATASET: datasetFile,
    SIGNPOST_SITE_URL: 'https://signpost.example',
    SIGNPOST_AREA: '',
    SANITY_PROJECT_ID: '',
    SANITY_REVALIDATE_SECRET: SECRET,
    SIGNPOST_PREVIEW_SECRET: PREVIEW_SECRET,
    SIGNPOST_CACHE_URL: cacheUrl,
    EMAIL_DB: join(tmp, `${name}-outbox.sqlite`),
    EMAIL_OUTBOX_DIR: join(tmp, `${name}-mail`),
  }))
  started.push(site)
  return site
}

// Every request has a deadline: a page that hangs on a dead database fails the test instead of stalling it.
const get = (site: RunningSite, path: string, headers: Record<string, string> = {}) =>
  fetch(`${site.origin}${path}`, { headers, signal: AbortSignal.timeout(15_000) })
const h1 = (html: string) => html.match(/<h1>([^<]*)<\/h1>/)?.[1]
async function title(site: RunningSite, path = GUIDE): Promise<string | undefined> {
  const res = await get(site, path)
  expect(res.status, `${site.origin}${path}`).toBe(200)
  return h1(await res.text())
}

let signed = 0
const seedBody = JSON.stringify({ _type: 'guide', _id: SEED_GUIDE_ID })
async function hook(site: RunningSite, signature: string, idempotencyKey: string) {
  return fetch(`${site.origin}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: signature, 'idempotency-key': idempotencyKey },
    body: seedBody,
    signal: AbortSignal.timeout(30_000),
  })
}
const sign = () => encodeSignatureHeader(seedBody, Date.now() + signed++, SECRET)

/** Waits until a site's log says the shared cache is usable again, asking it for a page now and then (each may probe). */
async function untilReachableAgain(site: RunningSite): Promise<void> {
  const before = site.output().split('is reachable again').length
  const deadline = Date.now() + 30_000
  while (site.output().split('is reachable again').length === before) {
    if (Date.now() > deadline) throw new Error(`${site.origin} did not reach the shared cache again:\n${site.output()}`)
    await get(site, GUIDE)
    await new Promise((r) => setTimeout(r, 250))
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'signpost-two-instances-'))
  datasetFile = join(tmp, 'dataset.ndjson')
  await writeFile(datasetFile, await testDatasetText())
  await copyDatasetImages(tmp)
  pg = await startPostgres()
  const db = new URL(await pg.createDatabase('web_pages'))
  // The instances reach the database through a relay, so the test can take it away and bring it back at one address.
  relay = await startTcpRelay(pg.port)
  db.port = String(relay.port)
  cacheUrl = db.href
  ;[a, b] = await Promise.all([instance('a'), instance('b')])
}, 120_000)

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()))
  if (process.env.SIGNPOST_E2E_SERVER_LOG) for (const s of started) console.log(s.output())
  await relay?.close()
  await pg?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

test('both instances say at start that pages are shared, naming the database without its password', () => {
  for (const site of [a, b]) {
    expect(site.output()).toContain(`pages are shared with the other instances through PostgreSQL at 127.0.0.1:${relay.port}/web_pages`)
    expect(site.output()).not.toContain('postgres://')
  }
})

test('one signed webhook to the first instance makes the second serve the new title', async () => {
  expect(await title(a)).toBe(BUILT_TITLE)
  expect(await title(b)).toBe(BUILT_TITLE)
  await setSeedTitle('Cyber Crime and Fraud: updated once, seen everywhere')
  // The source has changed, but pages are static: neither instance shows it before the webhook.
  expect(await title(b)).toBe(BUILT_TITLE)

  const sent = performance.now()
  const res = await hook(a, await sign(), 'delivery-1')
  expect(res.status).toBe(200)
  const answered = performance.now()
  const { paths } = (await res.json()) as { paths: string[] }
  expect(paths).toEqual(expect.arrayContaining(['/', GUIDE]))
  expect(await title(b)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
  // For docs/deploying.md (not asserted): how long the webhook took and how soon the other instance had the page.
  console.log(
    `two instances: the webhook regenerated ${paths.length} pages on the first in ${Math.round(answered - sent)} ms; ` +
      `the second served the new title ${Math.round(performance.now() - answered)} ms after the webhook's answer, on its first request`,
  )
  expect(await title(a)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
  // The home page lists the guide by its title on the second instance too.
  expect(await (await get(b, '/')).text()).toContain('Cyber Crime and Fraud: updated once, seen everywhere')
})

test('the same delivery replayed to the second instance is acknowledged there and regenerates nothing', async () => {
  const signature = await sign()
  expect((await hook(a, signature, 'delivery-2')).status).toBe(200)
  await setSeedTitle('A title a replay must not publish')
  const replay = await hook(b, signature, 'delivery-2')
  expect(replay.status).toBe(200)
  expect(await replay.json()).toMatchObject({ revalidated: false, duplicate: true })
  // Sanity's retry signed afresh carries the same idempotency-key: also already done, on any instance.
  expect(await (await hook(b, await sign(), 'delivery-2')).json()).toMatchObject({ duplicate: true })
  expect(await title(b)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
  expect(await title(a)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
  await setSeedTitle('Cyber Crime and Fraud: updated once, seen everywhere')
})

test("a page written under another build's id (an older deployment still running) is never served by this build", async () => {
  const db = new pgDriver.Client({ connectionString: cacheUrl })
  await db.connect()
  try {
    const copied = await db.query(
      `INSERT INTO signpost_page_cache (build_id, key, value, version, last_modified, cache_control, tags)
       SELECT 'an-older-build', key, convert_to(replace(convert_from(value, 'UTF8'), 'updated once, seen everywhere', 'from an older deployment'), 'UTF8'),
              'older', last_modified + 60000, cache_control, tags
         FROM signpost_page_cache WHERE key LIKE '%/$/guides/cyber-crime-and-fraud'`,
    )
    expect(copied.rowCount).toBeGreaterThan(0)
  } finally {
    await db.end()
  }
  for (const site of [a, b]) expect(await title(site)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
})

test('draft mode on one instance shows the draft to that editor only; the shared page stays published', async () => {
  const enable = await fetch(`${a.origin}/api/draft-mode/enable?secret=${PREVIEW_SECRET}&redirect=${encodeURIComponent(GUIDE)}`, { redirect: 'manual' })
  const cookie = enable.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  expect(cookie).toContain('__prerender_bypass=')
  expect(h1(await (await get(a, GUIDE, { cookie })).text())).toBe(DRAFT_TITLE)
  expect(await title(b)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
  expect(await title(a)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
})

test('with the database refusing connections both instances still serve pages, each its newest copy, and say why once', async () => {
  await relay.set('refuse')
  for (const site of [a, b]) {
    for (const path of [GUIDE, '/', '/search?q=fraud']) expect((await get(site, path)).status, `${site.origin}${path}`).toBe(200)
    // The second instance never rendered the new page itself: it kept a copy of the one it read from the database.
    expect(await title(site)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')
    expect(site.output()).toContain('This instance serves its own copies of the pages until it is back')
    // Once per outage, however many requests it served meanwhile.
    expect(site.output().split('cannot be used').length - 1).toBe(1)
  }
})

test('a webhook during the outage refreshes the instance it reaches, answers 500 saying why, and is acted on when Sanity retries', async () => {
  await setSeedTitle('Cyber Crime and Fraud: published during the outage')
  const res = await hook(a, await sign(), 'delivery-3')
  expect(res.status).toBe(500)
  const body = (await res.json()) as { error: string; revalidated: boolean }
  expect(body.revalidated).toBe(false)
  expect(body.error).toContain('could not be written to the shared page cache')
  expect(body.error).toContain('Sanity sends the webhook again')
  expect(await title(a)).toBe('Cyber Crime and Fraud: published during the outage')
  expect(await title(b)).toBe('Cyber Crime and Fraud: updated once, seen everywhere')

  // The database is back: the instance that rendered the newer page writes it there, and the other serves it.
  await relay.set('relay')
  await untilReachableAgain(a)
  expect(await title(a)).toBe('Cyber Crime and Fraud: published during the outage')
  await untilReachableAgain(b)
  expect(await title(b)).toBe('Cyber Crime and Fraud: published during the outage')
  // Sanity's retry of the failed delivery (to whichever instance) is acted on, not taken for a duplicate.
  const retry = await hook(b, await sign(), 'delivery-3')
  expect(retry.status).toBe(200)
  expect(await retry.json()).toMatchObject({ revalidated: true })
})

test('an instance started while the database never answers still starts and serves pages', async () => {
  await relay.set('blackhole')
  try {
    const c = await instance('c')
    expect(c.output()).toContain('cannot be used')
    // Its own build's copy of the page: the shared database has the newer one but cannot be asked.
    expect(await title(c)).toBe(BUILT_TITLE)
    for (let i = 0; i < 5; i++) expect((await get(c, GUIDE)).status).toBe(200)
    expect((await get(c, '/')).status).toBe(200)
    // The running instances keep serving too.
    expect(await title(b)).toBe('Cyber Crime and Fraud: published during the outage')
    await c.stop()
  } finally {
    await relay.set('relay')
  }
})

test("a renamed guide's old address stops serving on every instance, even when the webhook reaches one that has just started", async () => {
  const d = await instance('d')
  const lines = (await readFile(datasetFile, 'utf8')).split('\n').map((line) => {
    if (!line.trim()) return line
    const doc = JSON.parse(line) as { _id: string; slug?: { current: string } }
    return doc._id === SEED_GUIDE_ID ? JSON.stringify({ ...doc, slug: { _type: 'slug', current: 'cyber-crime-and-fraud-renamed' } }) : line
  })
  await writeFile(datasetFile, lines.join('\n'))
  // d never saw the content before the rename: the pages as they were come from the database.
  const res = await hook(d, await sign(), 'delivery-rename')
  expect(res.status).toBe(200)
  expect(((await res.json()) as { paths: string[] }).paths).toEqual(expect.arrayContaining([GUIDE, '/guides/cyber-crime-and-fraud-renamed']))
  for (const site of [a, b, d]) {
    expect((await get(site, GUIDE)).status, site.origin).toBe(404)
    expect(await title(site, '/guides/cyber-crime-and-fraud-renamed')).toBe('Cyber Crime and Fraud: published during the outage')
  }
  await d.stop()
})

test('a SIGNPOST_CACHE_URL that is not a PostgreSQL address stops the server at start, saying why', () => {
  const run = spawnSync(process.execPath, [join(appDir, 'dist/server.mjs'), '-p', '0', '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', SIGNPOST_CACHE_URL: 'redis://:hunter2@cache.internal:6379' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('SIGNPOST_CACHE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database), not a redis: address.')
  expect(run.stderr).not.toContain('hunter2')
})
