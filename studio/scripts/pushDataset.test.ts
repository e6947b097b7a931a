// content:push against a local stand-in for the mutate endpoint: every document is sent as createOrReplace.
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clientFor } from './env'
import { startFakeLake, type FakeLake } from './fakeLake'
import { pushDataset } from './pushDataset'

let lake: FakeLake
beforeAll(async () => {
  lake = await startFakeLake()
})
afterAll(() => lake.close())
beforeEach(() => {
  lake.mutations.length = 0
  lake.requests.length = 0
})

const client = () => clientFor({ projectId: 'abc123', dataset: 'production', token: 'write-token', apiVersion: '2025-02-19', apiHost: lake.url })

describe('pushDataset', () => {
  it('sends every document as createOrReplace, without _rev', async () => {
    const seed = readSeedDocuments()
    const result = await pushDataset(client(), writeDatasetFile(seed))
    expect(result).toEqual({ documents: seed.length, transactions: 1 })
    const sent = lake.mutations.map((m) => m.createOrReplace as Record<string, unknown>)
    expect(sent.map((d) => d._id)).toEqual(seed.map((d) => d._id))
    expect(sent.every((d) => !('_rev' in d))).toBe(true)
    expect(lake.requests[0]).toMatchObject({ method: 'POST', authorization: 'Bearer write-token' })
  })

  it('splits large files into several transactions', async () => {
    const result = await pushDataset(client(), writeDatasetFile(readSeedDocuments()), 4)
    expect(result.transactions).toBe(Math.ceil(readSeedDocuments().length / 4))
  })

  it('sends nothing when a line of the file is bad, and names the line', async () => {
    const file = writeDatasetFile(readSeedDocuments())
    writeFileSync(file, '{"_id":"a","_type":"area"}\nnot json\n')
    await expect(pushDataset(client(), file)).rejects.toThrow(/line 2: This line is not valid JSON/)
    expect(lake.requests).toEqual([])
  })
})
