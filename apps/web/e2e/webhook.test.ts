// On-demand freshness: a correctly signed Sanity webhook after the dataset file changes makes the new title
// appear without a rebuild; a missing or wrong signature gets 401 and changes nothing.
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

async function hook(body: string, signature?: string) {
  return fetch(url('/api/revalidate'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER_NAME]: signature } : {}) },
    body,
  })
}

const sign = (body: string, secret = inject('revalidateSecret')) => encodeSignatureHeader(body, Date.now(), secret)
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
