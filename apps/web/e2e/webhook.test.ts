// On-demand freshness: a correctly signed Sanity webhook after the dataset file changes makes the new title
// appear without a rebuild; a missing or wrong signature gets 401 and changes nothing. Replays: a signature
// dated outside the window gets 401 saying so, a delivery already processed (same signature or same
// idempotency-key) gets 200 and regenerates nothing, and an _id that is not a Sanity document id gets 400.
import { readFile, writeFile } from 'node:fs/promises'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { SEED_GUIDE_ID } from './fixtures'
import { GUIDE, url } from './site'

const NEW_TITLE = 'Cyber Crime and Fraud: updated by an editor'
let original = ''

async function setSeedTitle(title: string) {
  const file = inject('datasetFile')
  const lines = (await readFile(file, 'utf8')).split('\n').map((line) => {
    if (!line.trim()) return line
    const doc = JSON.parse(line) as { _id: string; title?: string }
    return doc._id === SEED_GUIDE_ID ? JSON.stringify({ ...doc, title }) : line
  })
  await writeFile(file, lines.join('\n'))
}

async function hook(body: string, signature?: string, headers: Record<string, string> = {}) {
  return fetch(url('/api/revalidate'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER_NAME]: signature } : {}), ...headers },
    body,
  })
}

// Each signature in these tests is dated a different millisecond, so no two are the same delivery by accident.
let signed = 0
const signedAt = (offsetMs: number) => Date.now() + offsetMs + signed++
const sign = (body: string, secret = inject('revalidateSecret'), offsetMs = 0) => encodeSignatureHeader(body, signedAt(offsetMs), secret)
const MINUTE = 60_000
const seedBody = JSON.stringify({ _type: 'guide', _id: SEED_GUIDE_ID })
const pageTitle = async () => (await (await fetch(url(GUIDE))).text()).match(/<h1>([^<]*)<\/h1>/)?.[1]

beforeAll(async () => {
  original = await readFile(inject('datasetFile'), 'utf8')
})
afterAll(async () => {
  await writeFile(inject('datasetFile'), original)
  const body = JSON.stringify({ _type: 'guide', _id: SEED_GUIDE_ID })
  await hook(body, await sign(body))
})

test('a missing or wrong signature gets 401 and the page does not change', async () => {
  await setSeedTitle(NEW_TITLE)
  const body = JSON.stringify({ _type: 'guide', _id: SEED_GUIDE_ID })
  expect((await hook(body)).status).toBe(401)
  expect((await hook(body, await sign(body, 'not-the-secret'))).status).toBe(401)
  expect((await hook(body, 't=1,v1=bm90LWEtc2lnbmF0dXJl')).status).toBe(401)
  // A signature for a different body does not carry over.
  expect((await hook(body, await sign(JSON.stringify({ _type: 'guide', _id: 'other' })))).status).toBe(401)
  expect(await pageTitle()).toBe('Cyber Crime and Fraud')
})

test('a signed body without _type and _id is refused with 400', async () => {
  const body = JSON.stringify({ hello: 'world' })
  expect((await hook(body, await sign(body))).status).toBe(400)
})

test('a valid signature after the file changed makes the new title appear', async () => {
  await setSeedTitle(NEW_TITLE)
  const body = JSON.stringify({ _type: 'guide', _id: SEED_GUIDE_ID })
  const res = await hook(body, await sign(body))
  expect(res.status).toBe(200)
  const json = (await res.json()) as { revalidated: boolean; tags: string[]; paths: string[] }
  expect(json.revalidated).toBe(true)
  expect(json.tags).toEqual(['guide', `guide:${SEED_GUIDE_ID}`])
  expect(json.paths).toEqual(expect.arrayContaining(['/', GUIDE]))
  expect(await pageTitle()).toBe(NEW_TITLE)
})

test('a delivery already processed is acknowledged with 200 and regenerates nothing', async () => {
  await setSeedTitle('Title after the first delivery')
  const signature = await sign(seedBody)
  const first = await hook(seedBody, signature, { 'idempotency-key': 'delivery-one' })
  expect(first.status).toBe(200)
  expect(((await first.json()) as { revalidated: boolean }).revalidated).toBe(true)
  expect(await pageTitle()).toBe('Title after the first delivery')

  await setSeedTitle('Title a replay must not publish')
  // The very same request again (a captured one replayed, or Sanity re-sending it unchanged).
  const replay = await hook(seedBody, signature, { 'idempotency-key': 'delivery-one' })
  expect(replay.status).toBe(200)
  expect(await replay.json()).toMatchObject({ revalidated: false, duplicate: true })
  // The same signature with the idempotency-key changed or left out is still the same delivery.
  expect(await (await hook(seedBody, signature, { 'idempotency-key': 'made-up' })).json()).toMatchObject({ duplicate: true })
  expect(await (await hook(seedBody, signature)).json()).toMatchObject({ duplicate: true })
  // A retry signed afresh carries the delivery's idempotency-key: also acknowledged, not acted on.
  const resigned = await hook(seedBody, await sign(seedBody), { 'idempotency-key': 'delivery-one' })
  expect(resigned.status).toBe(200)
  expect(await resigned.json()).toMatchObject({ duplicate: true })
  expect(await pageTitle()).toBe('Title after the first delivery')

  // A new delivery does regenerate.
  const next = await hook(seedBody, await sign(seedBody), { 'idempotency-key': 'delivery-two' })
  expect(await next.json()).toMatchObject({ revalidated: true })
  expect(await pageTitle()).toBe('Title a replay must not publish')
})

test('a signature dated outside the window gets 401 saying so, and changes nothing', async () => {
  await setSeedTitle('Title an old signature must not publish')
  const before = await pageTitle()
  for (const [offset, words] of [
    [-30 * 24 * 60 * MINUTE, '30 days before'],
    [-40 * MINUTE, '40 minutes before'],
    [10 * MINUTE, '10 minutes after'],
  ] as const) {
    const res = await hook(seedBody, await sign(seedBody, undefined, offset))
    expect(res.status, words).toBe(401)
    const { error } = (await res.json()) as { error: string }
    expect(error).toContain(words)
    expect(error).toContain('may be a replayed request')
  }
  expect(await pageTitle()).toBe(before)
})

test("a retry of Sanity's carrying its first attempt's signature, 20 minutes later, is still accepted", async () => {
  await setSeedTitle('Title from a late retry')
  const res = await hook(seedBody, await sign(seedBody, undefined, -20 * MINUTE), { 'idempotency-key': 'delivery-retried' })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ revalidated: true })
  expect(await pageTitle()).toBe('Title from a late retry')
})

test('an _id that is not a Sanity document id gets 400 naming it', async () => {
  for (const _id of ['../../etc/passwd', '-guide', 'guide..x', 'guide x', '<script>alert(1)</script>', 'a'.repeat(129)]) {
    const body = JSON.stringify({ _type: 'guide', _id })
    const res = await hook(body, await sign(body))
    expect(res.status, _id).toBe(400)
    expect(((await res.json()) as { error: string }).error, _id).toContain('is not a Sanity document id')
  }
})
