// content:pull through Sanity's own exporter from a local stand-in of the Content Lake: documents into the NDJSON file,
// images beside it as an export lays them out, and the old file kept whenever the export is not whole.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { embeddedSource, loadContent, parseNdjson } from '@signpost/content'
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clientFor } from './env'
import { startFakeLake, type FakeLake } from './fakeLake'
import { pullDataset } from './pullDataset'
import { pushDataset } from './pushDataset'

let lake: FakeLake
let dir: string
let target: string
const OLD = '{"_id":"old","_type":"area"}\n'
const LOGO_FILE = '83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360.png'
const OLD_IMAGE = `${'0'.repeat(40)}-10x10.png`

/** An image the old file used, laid out as an export does. */
function oldImage(): string {
  mkdirSync(join(dir, 'images'), { recursive: true })
  writeFileSync(join(dir, 'images', OLD_IMAGE), 'old image')
  return join(dir, 'images', OLD_IMAGE)
}

beforeEach(async () => {
  lake = await startFakeLake()
  dir = mkdtempSync(join(tmpdir(), 'signpost-pull-'))
  target = join(dir, 'production.ndjson')
  writeFileSync(target, OLD)
})
afterEach(() => lake.close())

const client = () => clientFor({ projectId: 'abc123', dataset: 'production', token: 'secret-token', apiVersion: '2025-02-19', apiHost: lake.url })
const withoutSystemFields = ({ _rev: _r, _createdAt: _c, _updatedAt: _u, ...doc }: Record<string, unknown>) => doc

/** The seed, pushed into the stand-in with the importer: the Lake then holds the logo as an image asset. */
async function lakeWithSeed(): Promise<string> {
  const file = writeDatasetFile(readSeedDocuments())
  await pushDataset(client(), file)
  lake.requests.length = 0
  return file
}

describe('pullDataset', () => {
  it('gives back the pushed dataset: the same documents, the logo as _sanityAsset with its image beside the file', async () => {
    const pushed = await lakeWithSeed()
    const progress: string[] = []
    const result = await pullDataset(client(), target, { onProgress: (line) => progress.push(line) })

    const { documents } = parseNdjson(readFileSync(target, 'utf8'), target)
    const seed = readSeedDocuments()
    expect(documents.map(withoutSystemFields).sort((a, b) => String(a._id).localeCompare(String(b._id)))).toEqual(
      seed.map(withoutSystemFields).sort((a, b) => String(a._id).localeCompare(String(b._id))),
    )
    expect(documents.find((d) => d._id === 'siteSettings')!.logo).toEqual({
      _sanityAsset: `image@file://./images/${LOGO_FILE}`,
      _type: 'image',
      alt: 'Derbyshire Victim Services',
    })
    expect(readFileSync(join(dir, 'images', LOGO_FILE))).toEqual(readFileSync(join(dirname(pushed), 'images', LOGO_FILE)))
    expect(JSON.parse(readFileSync(join(dir, 'assets.json'), 'utf8'))).toMatchObject({
      'image-83a25f9075a8b70220d4619ada61cf26d24fcec2': { originalFilename: LOGO_FILE },
    })
    expect(result).toMatchObject({ documents: seed.length, assets: 1, dropped: 0 })
    expect(readdirSync(dir).sort()).toEqual(['assets.json', 'images', 'production.ndjson'])
    expect(lake.requests[0]).toEqual({ method: 'GET', path: '/v2025-02-19/data/export/production', authorization: 'Bearer secret-token' })
    expect(progress).toEqual(expect.arrayContaining(['Exporting documents...', 'Downloading assets... 1 of 1']))

    // The pulled folder is a dataset the content door reads, logo included.
    const content = await loadContent({ source: embeddedSource(target), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
    expect(content.settings.identity.logo).toMatchObject({ url: `file://${join(dir, 'images', LOGO_FILE)}`, width: 920, height: 360 })
  })

  it('leaves out system documents and release versions', async () => {
    await lakeWithSeed()
    await client()
      .transaction()
      .createOrReplace({ _id: '_.groups.administrator', _type: 'system.group' })
      .createOrReplace({ ...readSeedDocuments().find((d) => d._type === 'guide')!, _id: 'versions.r1.guide.cyber-crime-and-fraud' })
      .commit()
    const result = await pullDataset(client(), target)
    const ids = parseNdjson(readFileSync(target, 'utf8'), target).documents.map((d) => d._id)
    expect(ids).not.toContain('_.groups.administrator')
    expect(ids).not.toContain('versions.r1.guide.cyber-crime-and-fraud')
    expect(ids).toHaveLength(readSeedDocuments().length)
    expect(result.dropped).toBe(1) // the exporter itself skips system documents; the version is ours to drop
  })

  it('removes the images the old file used and the new one does not, and keeps other files there', async () => {
    await lakeWithSeed()
    const stale = oldImage()
    writeFileSync(join(dir, 'images', 'README.txt'), 'not an export image')
    await pullDataset(client(), target)
    expect(existsSync(stale)).toBe(false)
    expect(readdirSync(join(dir, 'images')).sort()).toEqual([LOGO_FILE, 'README.txt'])
  })

  it('keeps the old file and its images, and leaves nothing behind, when the connection drops mid-export', async () => {
    await lakeWithSeed()
    const old = oldImage()
    lake.exportBehaviour = { kind: 'cut' }
    await expect(pullDataset(client(), target, { retryDelayMs: 1 })).rejects.toThrow(
      'Exporting dataset "production" failed: the connection was cut before the export was complete (aborted).',
    )
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readFileSync(old, 'utf8')).toBe('old image')
    expect(readdirSync(dir).sort()).toEqual(['images', 'production.ndjson'])
  })

  it('keeps the old file and says why when the server refuses', async () => {
    lake.exportBehaviour = { kind: 'status', status: 401, body: '{"error":"Unauthorized","message":"Session not found"}' }
    await expect(pullDataset(client(), target)).rejects.toThrow(
      'Exporting dataset "production" failed: the Lake refused the token (Unauthorized: Session not found). Check that the token may read this dataset.',
    )
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })

  it('keeps the old file when a line is not JSON', async () => {
    lake.exportBehaviour = { kind: 'ndjson', body: '{"_id":"area.a","_type":"area"}\n{"_id":"broken",\n' }
    await expect(pullDataset(client(), target)).rejects.toThrow(
      /^Exporting dataset "production" failed: a line of the export is not JSON, so the download was cut short or corrupted \(.*\{"_id":"broken",\)\)\.$/,
    )
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })

  it('keeps the old file when an image the export names cannot be downloaded', async () => {
    await lakeWithSeed()
    lake.files.clear()
    await expect(pullDataset(client(), target, { retryDelayMs: 1 })).rejects.toThrow(
      `The export names images/${LOGO_FILE} but the file did not arrive; keeping the existing file.`,
    )
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })
})
