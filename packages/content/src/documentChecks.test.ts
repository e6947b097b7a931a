// One fault, one message: checks on the stored documents report each real fault exactly once, whatever else is
// wrong; control characters, bad link targets and unknown document types are named by document and field.
import { writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import type { Problem } from './model.js'
import { ContentError, formatProblem } from './problems.js'
import { embeddedSource } from './sources/embedded.js'
import type { Document } from './sources/ndjson.js'
import { readSeedDocuments, toNdjson, writeDatasetFile } from './testing/dataset.js'

const GUIDE = 'guide.cyber-crime-and-fraud'
const DVS = 'organisation.derbyshire-victim-services'
const seed = readSeedDocuments()
const edit = (docs: Document[], id: string, change: (d: Document) => Document) => docs.map((d) => (d._id === id ? change(d) : d))

async function problemsFor(docs: Document[]): Promise<{ errors: Problem[]; warnings: Problem[] }> {
  const file = writeDatasetFile([])
  writeFileSync(file, toNdjson(docs))
  try {
    const content = await loadContent({ source: embeddedSource(file), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
    return { errors: [], warnings: content.warnings }
  } catch (e) {
    if (!(e instanceof ContentError)) throw e
    return { errors: e.problems.filter((p) => p.severity === 'error'), warnings: e.problems.filter((p) => p.severity === 'warning') }
  }
}
const where = (p: Problem) => `${p.documentId} ${p.path}`

test('a bad phone number on an organisation is reported once, on its field: the guides that point at it do not dangle', async () => {
  const docs = edit(seed, DVS, (d) => ({ ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: '0800 612 650' }] }))
  const { errors } = await problemsFor(docs)
  expect(errors.map(where)).toEqual([`${DVS} contactPoints[0].number`])
})

test('several faults at once, a duplicate slug among them: every one is reported, each exactly once', async () => {
  let docs = edit(seed, DVS, (d) => ({ ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: 'call us' }] }))
  docs = edit(docs, 'organisation.action-fraud', (d) => ({ ...d, name: '' }))
  docs = edit(docs, GUIDE, (d) => ({ ...d, reviewedAt: '2026-11-01', reviewBy: '2026-10-01', areas: [{ _type: 'reference', _ref: 'area.nowhere' }] }))
  // A copy of Derbyshire Victim Services with the same slug and its own bad field: the duplicate is still found.
  const copy = { ...seed.find((d) => d._id === DVS)!, _id: 'organisation.dvs-copy', kind: 'police' }
  docs = [...docs, copy]
  const { errors } = await problemsFor(docs)
  expect(errors.map(where).sort()).toEqual(
    [
      `${DVS} contactPoints[0].number`,
      'organisation.action-fraud name',
      `${GUIDE} reviewBy`,
      `${GUIDE} areas[0]`,
      'organisation.dvs-copy kind',
      'organisation.dvs-copy slug',
    ].sort(),
  )
  expect(errors.find((p) => p.documentId === 'organisation.dvs-copy' && p.path === 'slug')?.message).toBe(
    `The slug "derbyshire-victim-services" is already used by organisation ${DVS}. Each organisation needs its own.`,
  )
  expect(errors.some((p) => /does not exist/.test(p.message) && p.path.startsWith('organisations'))).toBe(false)
})

test('a reference to a document that really is missing still dangles', async () => {
  const { errors } = await problemsFor(seed.filter((d) => d._id !== 'organisation.action-fraud'))
  // The English guide and each of its translations (title order: en, pl, cy, ur) point at it.
  const guides = [GUIDE, `${GUIDE}.pl`, `${GUIDE}.cy`, `${GUIDE}.ur`]
  expect(errors.map(where)).toEqual(guides.flatMap((g) => [`${g} organisations[1]`, `${g} steps[0].organisation`]))
})

test('NUL anywhere is refused at its path, Portable Text spans included, quoted escaped', async () => {
  const docs = edit(seed, GUIDE, (d) => {
    const sections = structuredClone(d.sections) as Array<{ body: Array<{ children: Array<{ text: string }> }> }>
    sections[1]!.body[0]!.children[0]!.text += '\u0000'
    return { ...d, sections, summary: 'Fraud\u0000' }
  })
  const { errors } = await problemsFor(docs)
  expect(errors.map(where)).toEqual([`${GUIDE} summary`, `${GUIDE} sections[1].body[0].children[0].text`])
  expect(errors[0]!.message).toBe(
    'This text has a hidden control character (U+0000) in it, which shows as a box or breaks emails: "Fraud\\u0000". Delete and retype that part.',
  )
})

test('CR/LF in one-line fields are refused, naming each field; line breaks in a summary or description are fine', async () => {
  let docs = edit(seed, GUIDE, (d) => ({ ...d, title: 'Cyber Crime\r\nand Fraud', summary: 'Line one.\nLine two.' }))
  docs = edit(docs, DVS, (d) => ({
    ...d,
    name: 'Derbyshire\nVictim Services',
    contactPoints: [
      { _type: 'phoneContact', _key: 'p', number: '0800 612\n6505', label: 'Call\r\nus', hours: '9am\n5pm' },
      { _type: 'smsContact', _key: 's', keyword: 'DVS\n', shortCode: '82228' },
    ],
  }))
  docs = edit(docs, 'area.derbyshire', (d) => ({ ...d, forceName: 'Derbyshire\nConstabulary' }))
  const { errors } = await problemsFor(docs)
  expect(errors.map(where).sort()).toEqual(
    [
      `${GUIDE} title`,
      `${DVS} name`,
      `${DVS} contactPoints[0].number`,
      `${DVS} contactPoints[0].label`,
      `${DVS} contactPoints[0].hours`,
      `${DVS} contactPoints[1].keyword`,
      'area.derbyshire forceName',
    ].sort(),
  )
  expect(errors.find((p) => p.path === 'title')?.message).toBe(
    'This must be on one line, but it has a line break in it: "Cyber Crime\\r\\nand Fraud". Remove the line break.',
  )
  for (const p of errors) for (const raw of ['\r', '\n', '\u0000']) expect(formatProblem(p).includes(raw)).toBe(false)
})

test('link targets other than https, mailto, tel and sms are refused with the document, the path and the target', async () => {
  const hrefs = [
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '/relative',
    '//evil.example',
    'http://www.actionfraud.police.uk',
    'mailto:a@example.org?bcc=b@example.org',
    'tel:12',
    'https://www.actionfraud.police.uk',
  ]
  const docs = edit(seed, GUIDE, (d) => {
    const sections = structuredClone(d.sections) as Array<{ body: Array<Record<string, unknown>> }>
    sections[1]!.body[0] = {
      _type: 'block',
      _key: 'links',
      style: 'normal',
      markDefs: hrefs.map((href, i) => ({ _type: 'link', _key: `l${i}`, href })),
      children: hrefs.map((_, i) => ({ _type: 'span', _key: `c${i}`, text: `link ${i} `, marks: [`l${i}`] })),
    }
    return { ...d, sections }
  })
  const { errors } = await problemsFor(docs)
  expect(errors.map((p) => p.path)).toEqual(hrefs.slice(0, -1).map((_, i) => `sections[1].body[0].markDefs[${i}].href`))
  expect(errors.every((p) => p.documentId === GUIDE)).toBe(true)
  expect(errors[0]!.message).toContain('"javascript:alert(1)"')
  expect(errors[4]!.message).toContain('"//evil.example"')
})

test('a document of an unknown type is a warning naming its type and id; assets and system documents are not', async () => {
  const docs = [
    ...seed,
    { _id: 'event.1', _type: 'event', title: 'Open day' },
    { _id: 'image-abc-10x10-png', _type: 'sanity.imageAsset', url: 'https://cdn.example/x.png' },
    { _id: 'file-abc-pdf', _type: 'sanity.fileAsset' },
    { _id: '_.groups.editors', _type: 'system.group' },
  ]
  const { errors, warnings } = await problemsFor(docs)
  expect(errors).toEqual([])
  const unknown = warnings.filter((w) => w.path === '_type')
  expect(unknown).toEqual([
    expect.objectContaining({ severity: 'warning', documentId: 'event.1', message: expect.stringContaining('type Signpost does not know ("event")') }),
  ])
})

test('an organisation readers cannot contact gets a warning (Cyber Streetwise in the seed); a closed one does not', async () => {
  const { warnings } = await problemsFor(seed)
  expect(warnings.filter((w) => w.path === 'contactPoints')).toEqual([
    {
      severity: 'warning',
      documentId: 'organisation.cyber-streetwise',
      path: 'contactPoints',
      message: 'Readers have no way to contact this organisation: add a phone number, text number, website or email address.',
    },
  ])
  const closed = edit(seed, 'organisation.cyber-streetwise', (d) => ({ ...d, status: 'closed' }))
  expect((await problemsFor(closed)).warnings.filter((w) => w.path === 'contactPoints')).toEqual([])
})
