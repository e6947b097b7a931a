// The real @sanity/client against a local server that answers Sanity's query API with groq-js
// (the hosted Content Lake is out of reach here): both sources must give the same model.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { loadAsset } from './loadAsset.js'
import { loadContent } from './load.js'
import type { Content } from './model.js'
import { embeddedSource } from './sources/embedded.js'
import { sanitySource } from './sources/sanity.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'
import { startSanityApiServer, type SanityApiServer } from './testing/sanityApiServer.js'

const documents = readSeedDocuments()
const draftGuide = {
  ...documents.find((d) => d._id === 'guide.cyber-crime-and-fraud')!,
  _id: 'drafts.guide.cyber-crime-and-fraud',
  title: 'Cyber crime and fraud (draft)',
}
const withDraft = [...documents, draftGuide]
const file = writeDatasetFile(withDraft)
let server: SanityApiServer
beforeAll(async () => {
  server = await startSanityApiServer(withDraft)
})
afterAll(() => server.close())

const options = { siteUrl: 'https://help.example.org', now: new Date('2026-11-29') }
const lake = () => sanitySource({ projectId: 'test1234', dataset: 'production', apiVersion: '2025-02-19', token: 'test-token', apiHost: server.url })
// The logo's address differs by nature (the Lake's CDN, the file beside the dataset); its bytes are compared below.
const strip = (c: Content) => ({
  ...c,
  source: '',
  settings: { ...c.settings, identity: { ...c.settings.identity, logo: { ...c.settings.identity.logo, url: '' } } },
})

test('the Content Lake source and the embedded file give exactly the same model', async () => {
  const fromLake = await loadContent({ ...options, source: lake() })
  const fromFile = await loadContent({ ...options, source: embeddedSource(file) })
  expect(strip(fromLake)).toEqual(strip(fromFile))
  expect(fromLake.guides[0]!.title).toBe('Cyber Crime and Fraud')
  expect(server.requests.at(-1)).toMatchObject({ path: '/v2025-02-19/data/query/production', perspective: 'published' })
  const [lakeLogo = '', fileLogo = ''] = [fromLake, fromFile].map((c) => c.settings.identity.logo?.url ?? 'no logo')
  expect(lakeLogo).toMatch(new RegExp(`^${server.url}/images/test/production/83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360\\.png$`))
  expect(await loadAsset(lakeLogo)).toEqual(await loadAsset(fileLogo))
})

test('the drafts perspective shows the draft on both sources', async () => {
  const fromLake = await loadContent({ ...options, source: lake(), perspective: 'drafts' })
  const fromFile = await loadContent({ ...options, source: embeddedSource(file), perspective: 'drafts' })
  expect(fromLake.guides[0]!.title).toBe('Cyber crime and fraud (draft)')
  expect(strip(fromLake)).toEqual(strip(fromFile))
  expect(server.requests.at(-1)?.perspective).toBe('drafts')
})

test('drafts need a token on the Content Lake', async () => {
  const noToken = sanitySource({ projectId: 'test1234', dataset: 'production', apiVersion: '2025-02-19', apiHost: server.url })
  await expect(loadContent({ ...options, source: noToken, perspective: 'drafts' })).rejects.toThrow(/SANITY_API_READ_TOKEN/)
})
