// The Studio and `content:check` accept and refuse the same things: each hostile edit below is run through the Studio's
// validation and through the content door, and both must refuse it (or both accept it).
import { ContentError, embeddedSource, loadContent, type Problem } from '@signpost/content'
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clock } from './documents/guide'
import { describeMarkers, startTestStudio, type TestStudio } from './testWorkspace'

type Doc = ReturnType<typeof readSeedDocuments>[number]
let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
  clock.now = () => new Date('2026-11-29T12:00:00Z')
})
afterAll(() => studio.close())

const seed = readSeedDocuments()
const GUIDE = 'guide.cyber-crime-and-fraud'
const DVS = 'organisation.derbyshire-victim-services'
const byId = (id: string) => seed.find((d) => d._id === id)!

const paragraph = (text: string, href?: string) => ({
  _type: 'block',
  _key: 'p1',
  style: 'normal',
  markDefs: href === undefined ? [] : [{ _type: 'link', _key: 'l1', href }],
  children: [{ _type: 'span', _key: 'c1', text, marks: href === undefined ? [] : ['l1'] }],
})
const withBody = (body: unknown[] | undefined, heading = 'How to report it') => ({
  ...byId(GUIDE),
  sections: [{ _type: 'section', _key: 's1', heading, ...(body ? { body } : {}) }],
})
const without = (doc: Doc, field: string) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== field)) as Doc

async function doorProblems(doc: Doc): Promise<Problem[]> {
  const docs = seed.map((d) => (d._id === doc._id ? doc : d))
  try {
    const content = await loadContent({ source: embeddedSource(writeDatasetFile(docs)), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
    return content.warnings.filter((p) => p.documentId === doc._id)
  } catch (e) {
    if (!(e instanceof ContentError)) throw e
    return e.problems.filter((p) => p.documentId === doc._id)
  }
}

const refused: Array<[string, Doc]> = [
  ['a javascript: link', withBody([paragraph('Click', 'javascript:alert(1)')])],
  ['a data: link', withBody([paragraph('Click', 'data:text/html,<script>alert(1)</script>')])],
  ['a relative link', withBody([paragraph('Click', '/guides/other')])],
  ['a protocol-relative link', withBody([paragraph('Click', '//evil.example/')])],
  ['a plain http link', withBody([paragraph('Click', 'http://www.actionfraud.police.uk')])],
  ['a mailto: with bcc', withBody([paragraph('Email', 'mailto:help@example.org?bcc=all@example.org')])],
  ['a mailto: with an encoded line break', withBody([paragraph('Email', 'mailto:help@example.org?subject=a%0D%0ABcc:x@example.org')])],
  ['a tel: that is not a number', withBody([paragraph('Call', 'tel:12')])],
  ['an sms: to a bad short code', withBody([paragraph('Text', 'sms:8222?body=DVS')])],
  ['a NUL in a span', withBody([paragraph('Bad\u0000text')])],
  ['a section with only a heading', withBody(undefined)],
  ['a heading on two lines', withBody([paragraph('Text')], 'How to\r\nreport it')],
  ['a title with a line break', { ...byId(GUIDE), title: 'Cyber Crime\nand Fraud' }],
  ['a NUL in the summary', { ...byId(GUIDE), summary: 'Fraud\u0000' }],
  ['no steps', without(byId(GUIDE), 'steps')],
  ['no language', without(byId(GUIDE), 'language')],
  ['an organisation name with a line break', { ...byId(DVS), name: 'Derbyshire\nVictim Services' }],
  ['a contact label with a line break', { ...byId(DVS), contactPoints: [{ _type: 'phoneContact', _key: 'p1', number: '0800 612 6505', label: 'Call\r\nus' }] }],
  ['opening hours with a line break', { ...byId(DVS), contactPoints: [{ _type: 'phoneContact', _key: 'p1', number: '0800 612 6505', hours: '9am\n5pm' }] }],
  ['a phone number with a line break', { ...byId(DVS), contactPoints: [{ _type: 'phoneContact', _key: 'p1', number: '0800 612\n6505' }] }],
  ['"free" not said', without(byId(DVS), 'free')],
  ['"confidential" not said', without(byId(DVS), 'confidential')],
  ['no status', without(byId(DVS), 'status')],
  ['an area name with a line break', { ...byId('area.derbyshire'), name: 'Derby\nshire' }],
  ['a service name with a line break', { ...byId('siteSettings'), serviceName: 'Derbyshire\nVictim Services' }],
  ['a funder line with a line break', { ...byId('siteSettings'), funderLine: 'Funded by\r\nthe PCC' }],
  ['an emergency notice with a line break', { ...byId('siteSettings'), emergencyNotice: 'If you are in danger,\ncall 999.' }],
  ['a NUL in the site name', { ...byId('siteSettings'), siteName: 'Sign\u0000post' }],
]

const accepted: Array<[string, Doc]> = [
  [
    'https, mailto, tel and sms links',
    withBody([
      paragraph('a', 'https://www.actionfraud.police.uk'),
      { ...paragraph('b', 'mailto:help@example.org?subject=Advice'), _key: 'p2' },
      { ...paragraph('c', 'tel:+443001232040'), _key: 'p3' },
      { ...paragraph('d', 'sms:82228?body=DVS'), _key: 'p4' },
    ]),
  ],
  ['a summary over two lines', { ...byId(GUIDE), summary: 'What fraud is.\nWho can help.' }],
  ['Urdu text with numbers', withBody([paragraph('ایکشن فراڈ کو 0300 123 2040 پر کال کریں')])],
  ['a 300-character word and markup', withBody([paragraph(`${'x'.repeat(300)} <script>alert(1)</script>`)])],
]

describe('both refuse', () => {
  it.each(refused)('%s', async (_name, doc) => {
    const inStudio = describeMarkers(await studio.validate(doc), 'error')
    const atDoor = (await doorProblems(doc)).filter((p) => p.severity === 'error')
    expect(inStudio.length, `Studio: ${inStudio.join('; ')}`).toBeGreaterThan(0)
    expect(atDoor.length, `door: ${atDoor.map((p) => p.message).join('; ')}`).toBeGreaterThan(0)
  })
})

describe('both accept', () => {
  it.each(accepted)('%s', async (_name, doc) => {
    expect(describeMarkers(await studio.validate(doc), 'error')).toEqual([])
    expect((await doorProblems(doc)).filter((p) => p.severity === 'error')).toEqual([])
  })
})

it('both warn that readers cannot contact Cyber Streetwise, with the same words', async () => {
  const doc = byId('organisation.cyber-streetwise')
  const inStudio = describeMarkers(await studio.validate(doc), 'warning').filter((m) => m.startsWith('contactPoints: '))
  const atDoor = (await doorProblems(doc)).filter((p) => p.path === 'contactPoints').map((p) => `${p.path}: ${p.message}`)
  expect(inStudio).toHaveLength(1)
  expect(atDoor).toEqual(inStudio)
})
