// The guide's optional "Text message" field as an editor meets it in the Studio: the same Notify count as the
// content door, a warning above 2 texts and an error above 6; empty is fine.
import { checkSmsLength } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'

let studio: TestStudio
const seed = readSeedDocuments().find((d) => d._type === 'guide')!
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const markers = async (textMessage: string | undefined, level: 'error' | 'warning') =>
  describeMarkers(await studio.validate({ ...seed, textMessage }), level).filter((m) => m.startsWith('textMessage'))

describe('guide text message', () => {
  it('is optional, and 2 texts pass without a warning', async () => {
    expect(await markers(undefined, 'error')).toEqual([])
    expect(await markers('a'.repeat(306), 'warning')).toEqual([])
  })

  it('warns above 2 texts with the rule’s own words', async () => {
    const r = checkSmsLength('a'.repeat(307))
    expect(await markers('a'.repeat(307), 'warning')).toEqual([`textMessage: ${r.ok ? r.warning : ''}`])
    expect(await markers('a'.repeat(307), 'error')).toEqual([])
  })

  it('refuses above 6 texts, counting Welsh ŵ as Unicode', async () => {
    const text = `ŵ${'a'.repeat(402)}`
    const r = checkSmsLength(text)
    expect(await markers(text, 'error')).toEqual([`textMessage: ${r.ok ? '' : r.message}`])
  })
})
