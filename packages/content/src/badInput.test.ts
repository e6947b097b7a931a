// Bad content is rejected at the door: each class of problem names the document and the field, and all are reported at once.
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import type { Problem } from './model.js'
import { ContentError } from './problems.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, toNdjson, writeDatasetFile } from './testing/dataset.js'
import type { Document } from './sources/ndjson.js'

type Edit = (docs: Document[]) => Document[]
const edit =
  (id: string, change: (d: Document) => Document): Edit =>
  (docs) =>
    docs.map((d) => (d._id === id ? change(d) : d))
const GUIDE = 'guide.cyber-crime-and-fraud'
const DVS = 'organisation.derbyshire-victim-services'

async function problemsFor(docs: Document[] | string): Promise<Problem[]> {
  const file = writeDatasetFile([])
  writeFileSync(file, typeof docs === 'string' ? docs : toNdjson(docs))
  try {
    await loadContent({ source: embeddedSource(file), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
  } catch (e) {
    if (e instanceof ContentError) return e.problems.filter((p) => p.severity === 'error')
    throw e
  }
  return []
}

const seed = readSeedDocuments()

test.each<[string, Edit, Partial<Problem>]>([
  [
    'a dangling reference',
    (docs) => docs.filter((d) => d._id !== 'organisation.action-fraud'),
    {
      documentId: GUIDE,
      path: 'organisations[1]',
      message: 'Points to organisation "organisation.action-fraud", which does not exist (deleted or never published).',
    },
  ],
  [
    'an invalid phone number',
    edit(DVS, (d) => ({ ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: '0800 612 650' }] })),
    {
      documentId: DVS,
      path: 'contactPoints[0].number',
      message: '"0800 612 650" has too few digits: a UK phone number has 11 digits, for example 0800 612 6505, 0300 123 2040 or 101.',
    },
  ],
  [
    'an invalid SMS short code',
    edit(DVS, (d) => ({ ...d, contactPoints: [{ _type: 'smsContact', _key: 's', keyword: 'DVS', shortCode: '822' }] })),
    { documentId: DVS, path: 'contactPoints[0].shortCode', message: 'A UK short code has 5 or 6 digits, for example 82228. "822" has 3.' },
  ],
  [
    'an invalid SMS keyword',
    edit(DVS, (d) => ({ ...d, contactPoints: [{ _type: 'smsContact', _key: 's', keyword: 'D V S', shortCode: '82228' }] })),
    {
      documentId: DVS,
      path: 'contactPoints[0].keyword',
      message: 'The text keyword should be one short word of letters or digits (up to 20), like DVS. "D V S" is not.',
    },
  ],
  [
    'a duplicate slug',
    (docs) => [...docs, { ...docs.find((d) => d._id === GUIDE)!, _id: 'guide.copy' }],
    {
      documentId: 'guide.copy',
      path: 'slug',
      message: 'The slug "cyber-crime-and-fraud" is already used by guide guide.cyber-crime-and-fraud. Each guide needs its own.',
    },
  ],
  ['a missing required field', edit(GUIDE, ({ title: _t, ...d }) => d as Document), { documentId: GUIDE, path: 'title', message: 'The title is missing.' }],
  [
    'a web address that is not https',
    edit('organisation.action-fraud', (d) => ({ ...d, contactPoints: [{ _type: 'websiteContact', _key: 'w', url: 'http://www.actionfraud.police.uk' }] })),
    { documentId: 'organisation.action-fraud', path: 'contactPoints[0].url' },
  ],
  [
    'organisations that replace each other in a loop',
    (docs) =>
      docs.map((d) =>
        d._id === 'organisation.think-jessica'
          ? { ...d, status: 'renamed', successor: { _ref: 'organisation.get-safe-online' } }
          : d._id === 'organisation.get-safe-online'
            ? { ...d, status: 'renamed', successor: { _ref: 'organisation.think-jessica' } }
            : d,
      ),
    {
      documentId: 'organisation.think-jessica',
      path: 'successor',
      message: 'The organisations that replaced this one lead back to it. Choose the organisation that exists now.',
    },
  ],
  [
    'a language that is not a language code',
    edit(GUIDE, (d) => ({ ...d, language: 'english please' })),
    {
      documentId: GUIDE,
      path: 'language',
      message: '"english please" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
    },
  ],
  [
    'review-by before reviewed',
    edit(GUIDE, (d) => ({ ...d, reviewBy: '2026-01-01' })),
    { documentId: GUIDE, path: 'reviewBy', message: '"Review by" (2026-01-01) must be after "Last reviewed" (2026-11-01).' },
  ],
])('%s is named by document and field', async (_name, change, expected) => {
  const problems = await problemsFor(change(seed))
  expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', ...expected }))
})

test('an NDJSON line that does not parse is reported with its line number, alongside the other problems', async () => {
  const lines = toNdjson(edit(DVS, (d) => ({ ...d, name: '' }))(seed)).split('\n')
  lines.splice(2, 0, '{"_id": "broken", "_type": ')
  const problems = await problemsFor(lines.join('\n'))
  expect(problems).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringMatching(/^This line is not valid JSON/) }))
  expect(problems).toContainEqual(expect.objectContaining({ documentId: DVS, path: 'name', message: 'The organisation name is empty.' }))
})

test('several problems are all reported at once, and the error message lists each', async () => {
  const broken = [
    (docs: Document[]) => docs.filter((d) => d._id !== 'organisation.action-fraud'),
    edit(DVS, (d) => ({ ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: 'call us' }] })),
    edit('area.derbyshire', (d) => ({ ...d, slug: { current: 'Derbyshire!' } })),
  ].reduce((docs, f) => f(docs), seed)
  const file = writeDatasetFile(broken)
  const error = await loadContent({ source: embeddedSource(file), siteUrl: 'https://x.org' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ContentError)
  const message = (error as Error).message
  expect(message).toMatch(/^The content has \d+ problems:/)
  expect(message).toContain(`${GUIDE} organisations[1]`)
  expect(message).toContain(`${DVS} contactPoints[0].number`)
  expect(message).toContain('area.derbyshire slug')
})

test('the seed file itself has no errors', async () => {
  expect(await problemsFor(readFileSync(writeDatasetFile(seed), 'utf8'))).toEqual([])
})
