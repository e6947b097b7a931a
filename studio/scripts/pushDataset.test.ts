// content:push through Sanity's own importer into a local stand-in of the Content Lake that keeps the documents and
// refuses a strong reference to a document it does not have, as the Lake does.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { sanityImport } from '@sanity/import'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clientFor } from './env'
import { startFakeLake, type FakeLake } from './fakeLake'
import { pushDataset } from './pushDataset'

let lake: FakeLake
beforeEach(async () => {
  lake = await startFakeLake()
})
afterEach(() => lake.close())

const LOGO_ID = 'image-83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360-png'
const client = () => clientFor({ projectId: 'abc123', dataset: 'production', token: 'write-token', apiVersion: '2025-02-19', apiHost: lake.url })
const withoutSystemFields = ({ _rev: _r, _createdAt: _c, _updatedAt: _u, ...doc }: Record<string, unknown>) => doc
const hasWeakRef = (value: unknown): boolean => JSON.stringify(value).includes('"_weak"')

describe('pushDataset', () => {
  it('imports every document and uploads the logo, linking it where the file had _sanityAsset', async () => {
    const seed = readSeedDocuments()
    const file = writeDatasetFile(seed)
    const progress: string[] = []
    const result = await pushDataset(client(), file, { onProgress: (line) => progress.push(line) })
    expect(result).toEqual({ documents: seed.length, assets: 1, warnings: [] })

    const settings = lake.documents.get('siteSettings')!
    expect(settings.logo).toEqual({ _type: 'image', alt: 'Derbyshire Victim Services', asset: { _type: 'reference', _ref: LOGO_ID } })
    const asset = lake.documents.get(LOGO_ID)!
    expect(asset).toMatchObject({ _type: 'sanity.imageAsset', mimeType: 'image/png', metadata: { dimensions: { width: 920, height: 360 } } })
    const png = readFileSync(join(dirname(file), 'images/83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360.png'))
    expect(lake.files.get(`/${String(asset.path)}`)).toEqual(png)

    for (const doc of seed.filter((d) => d._type !== 'siteSettings')) {
      expect(withoutSystemFields(lake.documents.get(doc._id)!)).toEqual(withoutSystemFields(doc))
    }
    expect([...lake.documents.values()].some(hasWeakRef)).toBe(false)
    expect(lake.requests.every((r) => r.path.startsWith('/images/') || r.authorization === 'Bearer write-token')).toBe(true)
    expect(progress).toEqual(
      expect.arrayContaining(['Importing documents: 1 of 1', 'Importing assets (files/images): 1 of 1', 'Strengthening references: 1 of 1']),
    )
  })

  it('the folder is what `sanity dataset import <folder>` reads: importing it whole gives the same dataset', async () => {
    const file = writeDatasetFile(readSeedDocuments())
    await pushDataset(client(), file)
    const pushed = new Map([...lake.documents].map(([id, doc]) => [id, withoutSystemFields(doc)]))
    const other = await startFakeLake()
    try {
      const otherClient = clientFor({ projectId: 'abc123', dataset: 'production', token: 'write-token', apiVersion: '2025-02-19', apiHost: other.url })
      // The call the Sanity CLI makes for a folder: the one .ndjson in it, images/ and files/ beside it.
      await sanityImport(dirname(file), { client: otherClient, operation: 'createOrReplace' })
      const imported = new Map([...other.documents].map(([id, doc]) => [id, withoutSystemFields(doc)]))
      const stripUrls = (m: Map<string, Record<string, unknown>>) => [...m].map(([id, d]) => [id, { ...d, url: undefined, uploadId: undefined }])
      expect(stripUrls(imported).sort()).toEqual(stripUrls(pushed).sort())
    } finally {
      await other.close()
    }
  })

  it('imports a reference to a document that arrives in a later batch, and leaves it strong', async () => {
    const seed = readSeedDocuments()
    const guide = seed.find((d) => d._type === 'guide')!
    const late = { ...seed.find((d) => d._id === 'organisation.action-fraud')!, _id: 'organisation.late', slug: { _type: 'slug', current: 'late' } }
    // Over the importer's 256 KB batch limit, so the guide travels alone, before the organisation it points to.
    const long = {
      _type: 'block',
      _key: 'long',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's', text: 'word '.repeat(60_000), marks: [] }],
    }
    const big = {
      ...guide,
      sections: [{ ...(guide.sections as object[])[0], body: [long] }],
      organisations: [{ _type: 'reference', _key: 'late', _ref: 'organisation.late' }],
    }
    // Only this guide: its translations, and the translation group linking them, are left out.
    const docs = [big, ...seed.filter((d) => d._type !== 'guide' && d._type !== 'translation.metadata'), late]
    await pushDataset(client(), writeDatasetFile(docs))

    const creating = lake.transactions.filter((t) => t.mutations.some((m) => 'createOrReplace' in m))
    expect(creating.length).toBeGreaterThan(1)
    const guideBatch = creating.findIndex((t) => t.mutations.some((m) => (m.createOrReplace as { _id: string })._id === guide._id))
    const lateBatch = creating.findIndex((t) => t.mutations.some((m) => (m.createOrReplace as { _id: string })._id === 'organisation.late'))
    expect(guideBatch).not.toBe(lateBatch)
    expect(lake.transactions.filter((t) => t.refused)).toEqual([])
    expect(lake.documents.get(guide._id)!.organisations).toEqual([{ _type: 'reference', _key: 'late', _ref: 'organisation.late' }])
  })

  it('the stand-in refuses a batch whose strong references point at documents not yet imported, as the Lake does', async () => {
    // What a plain createOrReplace batch (the push before the importer) sends when the guide comes first.
    const guide = readSeedDocuments().find((d) => d._type === 'guide')!
    await expect(client().transaction().createOrReplace(guide).commit()).rejects.toThrow(/references non-existent document "[\w.-]+"/)
    expect(lake.documents.size).toBe(0)
  })

  it('sends nothing when a line of the file is bad, and names the line', async () => {
    const file = writeDatasetFile(readSeedDocuments())
    writeFileSync(file, '{"_id":"a","_type":"area"}\nnot json\n')
    await expect(pushDataset(client(), file)).rejects.toThrow(/line 2: This line is not valid JSON/)
    expect(lake.requests).toEqual([])
  })

  it('sends nothing when an image the file names is not beside it, naming the document and the file', async () => {
    const file = writeDatasetFile(readSeedDocuments())
    rmSync(join(dirname(file), 'images'), { recursive: true })
    await expect(pushDataset(client(), file)).rejects.toThrow(
      /names assets that are not beside it, nothing was pushed:\n {2}siteSettings: image@file:\/\/\.\/images\/83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360\.png \(no file /,
    )
    expect(lake.requests).toEqual([])
  })
})
