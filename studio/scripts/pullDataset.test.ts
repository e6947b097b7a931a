// content:pull against a local stand-in for the export endpoint, with the real @sanity/client building the request.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSeedDocuments, toNdjson } from '@signpost/content/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clientFor } from './env'
import { startFakeLake, type FakeLake } from './fakeLake'
import { pullDataset } from './pullDataset'

let lake: FakeLake
let dir: string
let target: string
const OLD = '{"_id":"old","_type":"area"}\n'
const seedNdjson = toNdjson(readSeedDocuments())

beforeAll(async () => {
  lake = await startFakeLake()
})
afterAll(() => lake.close())
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'signpost-pull-'))
  target = join(dir, 'production.ndjson')
  writeFileSync(target, OLD)
  lake.requests.length = 0
})

const client = () => clientFor({ projectId: 'abc123', dataset: 'production', token: 'secret-token', apiVersion: '2025-02-19', apiHost: lake.url })

describe('pullDataset', () => {
  it('writes exactly what the server sent, with the token, to the export endpoint', async () => {
    lake.exportBehaviour = { kind: 'ndjson', body: seedNdjson }
    const result = await pullDataset(client(), target)
    expect(readFileSync(target, 'utf8')).toBe(seedNdjson)
    expect(result.documents).toBe(readSeedDocuments().length)
    expect(lake.requests).toEqual([{ method: 'GET', path: '/v2025-02-19/data/export/production', authorization: 'Bearer secret-token' }])
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })

  it('leaves out asset and system documents', async () => {
    const extra = [
      { _id: 'image-abc-10x10-png', _type: 'sanity.imageAsset' },
      { _id: '_.groups.administrator', _type: 'system.group' },
    ]
    lake.exportBehaviour = { kind: 'ndjson', body: toNdjson([...readSeedDocuments(), ...extra]) }
    const result = await pullDataset(client(), target)
    expect(readFileSync(target, 'utf8')).toBe(seedNdjson)
    expect(result.dropped).toBe(2)
  })

  it('keeps the old file when the connection drops mid-export', async () => {
    lake.exportBehaviour = { kind: 'cut', body: seedNdjson }
    await expect(pullDataset(client(), target)).rejects.toThrow(/^The export of dataset "production" stopped before the end/)
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })

  it('keeps the old file and says why when the server refuses', async () => {
    lake.exportBehaviour = { kind: 'status', status: 401, body: '{"error":"Unauthorized","message":"Session not found"}' }
    await expect(pullDataset(client(), target)).rejects.toThrow(/Exporting dataset "production" failed: HTTP 401.*Session not found/)
    expect(readFileSync(target, 'utf8')).toBe(OLD)
  })

  it('keeps the old file when a line is not JSON', async () => {
    lake.exportBehaviour = { kind: 'ndjson', body: `${seedNdjson}{"_id":"broken",` }
    await expect(pullDataset(client(), target)).rejects.toThrow(/Line \d+ of the export is not JSON/)
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['production.ndjson'])
  })
})
