// The embedded dataset is what the Studio edits, so every seed document must pass the Studio's validation with no
// errors and no field the schema does not know (validateDocument warns about unknown fields outside the Studio).
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clock } from './documents/guide'
import { describeMarkers, startTestStudio, type TestStudio } from './testWorkspace'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
  clock.now = () => new Date('2026-11-29T12:00:00Z')
})
afterAll(() => studio.close())

describe('the embedded dataset against the Studio schema', () => {
  const documents = readSeedDocuments()

  it('has every document type the content query reads', () => {
    expect(new Set(documents.map((d) => d._type))).toEqual(
      new Set(['siteSettings', 'area', 'organisation', 'guide', 'phraseCatalogue', 'translation.metadata']),
    )
  })

  for (const doc of documents) {
    it(`${doc._id} has no errors and no unknown fields`, async () => {
      expect(describeMarkers(await studio.validate(doc), 'error')).toEqual([])
      const cli = await studio.validate(doc, 'cli')
      expect(describeMarkers(cli).filter((m) => /does not exist on type/.test(m))).toEqual([])
    })
  }

  it('reports an unknown field, so the check above can fail', async () => {
    const guide = documents.find((d) => d._type === 'guide')!
    const markers = await studio.validate({ ...guide, reviewDate: '2027-01-01' }, 'cli')
    expect(describeMarkers(markers, 'warning')).toContain("reviewDate: Field 'reviewDate' does not exist on type 'guide'")
  })
})
