// Organisation validation: required choices, local coverage needs areas, a renamed organisation needs its successor.
import { longSentenceMessage, longSentences } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'
import { organisation } from './organisation'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const seed = readSeedDocuments()
const dvs = seed.find((d) => d._id === 'organisation.derbyshire-victim-services')!
const actionFraud = seed.find((d) => d._id === 'organisation.action-fraud')!
const errors = async (doc: Record<string, unknown>) => describeMarkers(await studio.validate(doc), 'error')

describe('organisation validation', () => {
  it('asks for name, kind, description, free, confidential and coverage', async () => {
    const { name: _n, kind: _k, description: _d, free: _f, confidential: _c, coverage: _v, ...rest } = actionFraud
    expect(await errors(rest)).toEqual(
      expect.arrayContaining([
        'name: Add the organisation’s name.',
        'kind: Choose what kind of organisation this is.',
        'description: Say in a sentence or two what this organisation does.',
        'free: Say whether the service is free.',
        'confidential: Say whether the service is confidential.',
        'coverage: Choose national or local.',
      ]),
    )
  })

  it('refuses a kind that is not on the list', async () => {
    expect((await errors({ ...actionFraud, kind: 'police' })).join('\n')).toMatch(/^kind: /m)
  })

  it('needs an area when it is local', async () => {
    expect(await errors({ ...dvs, areas: [] })).toContain('areas: A local organisation needs at least one area it serves.')
    expect(await errors({ ...actionFraud, coverage: 'national' })).toEqual([])
  })

  it('needs a successor when renamed, and not itself', async () => {
    expect(await errors({ ...actionFraud, status: 'renamed' })).toContain('successor: A renamed organisation needs the organisation it became.')
    expect(await errors({ ...actionFraud, status: 'renamed', successor: { _type: 'reference', _ref: 'organisation.action-fraud' } })).toContain(
      'successor: An organisation cannot replace itself.',
    )
    expect(await errors({ ...actionFraud, status: 'renamed', successor: { _type: 'reference', _ref: 'organisation.get-safe-online' } })).toEqual([])
  })

  it('warns about long sentences in the description with the rule’s message', async () => {
    const warnings = describeMarkers(await studio.validate(dvs), 'warning')
    expect(warnings).toContain(`description: ${longSentenceMessage(longSentences(dvs.description as string))}`)
  })

  it('shows kind and first phone number in its preview', () => {
    const prepare = organisation.preview!.prepare!
    expect(prepare({ name: dvs.name, kind: dvs.kind, status: 'active', contactPoints: dvs.contactPoints })).toEqual({
      title: 'Derbyshire Victim Services',
      subtitle: 'Support service · 0800 612 6505',
    })
    expect(prepare({ name: 'Old', kind: 'charity', status: 'closed', contactPoints: [] }).subtitle).toBe('Charity · CLOSED')
  })
})

describe('organisation text and reachability', () => {
  it('warns, without blocking, when readers have no way to contact it (Cyber Streetwise in the seed)', async () => {
    const streetwise = seed.find((d) => d._id === 'organisation.cyber-streetwise')!
    const markers = await studio.validate(streetwise)
    expect(describeMarkers(markers, 'warning')).toContain(
      'contactPoints: Readers have no way to contact this organisation: add a phone number, text number, website or email address.',
    )
    expect(describeMarkers(markers, 'error')).toEqual([])
    expect(describeMarkers(await studio.validate(dvs), 'warning').filter((m) => m.startsWith('contactPoints'))).toEqual([])
    expect(describeMarkers(await studio.validate({ ...streetwise, status: 'closed' }), 'warning').filter((m) => m.startsWith('contactPoints'))).toEqual([])
  })

  it('refuses a name with a line break, and a label or opening hours with one', async () => {
    expect(await errors({ ...actionFraud, name: 'Action\nFraud' })).toEqual([expect.stringMatching(/^name: This must be on one line.*"Action\\nFraud"/)])
    const contactPoints = [{ _type: 'phoneContact', _key: 'p1', number: '0300 123 2040', label: 'Report\r\nfraud', hours: 'Mon–Fri\n8am–8pm' }]
    expect(await errors({ ...actionFraud, contactPoints })).toEqual([
      expect.stringMatching(/^contactPoints\.\[p1\]\.label: This must be on one line/),
      expect.stringMatching(/^contactPoints\.\[p1\]\.hours: This must be on one line/),
    ])
  })

  it('refuses a NUL anywhere in the document, at its field', async () => {
    const found = await errors({ ...actionFraud, description: 'Reports\u0000 of fraud.' })
    expect(found).toEqual([expect.stringMatching(/^description: This text has a hidden control character \(U\+0000\).*"Reports\\u0000 of fraud\."/)])
  })
})
