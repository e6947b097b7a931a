// No raw zod message reaches an editor: every shape fault, in any field of any document type, reads as plain words.
import { writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import type { Problem } from './model.js'
import { ContentError } from './problems.js'
import { embeddedSource } from './sources/embedded.js'
import type { Document } from './sources/ndjson.js'
import { readSeedDocuments, toNdjson, writeDatasetFile } from './testing/dataset.js'

const seed = readSeedDocuments()
const ZOD = /Invalid input|Invalid option|expected [a-z]+, received|Too (small|big)|Invalid (string|element|key|union|discriminator)|Unrecognized key/i

async function errorsFor(docs: Document[]): Promise<Problem[]> {
  const file = writeDatasetFile([])
  writeFileSync(file, toNdjson(docs))
  try {
    await loadContent({ source: embeddedSource(file), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
    return []
  } catch (e) {
    if (e instanceof ContentError) return e.problems.filter((p) => p.severity === 'error')
    throw e
  }
}

test('a section with only a heading: "This section has no text: add some or remove the section."', async () => {
  const docs = seed.map((d) => (d._id === 'guide.cyber-crime-and-fraud' ? { ...d, sections: [{ _type: 'section', _key: 's', heading: 'What is fraud?' }] } : d))
  expect(await errorsFor(docs)).toEqual([
    {
      severity: 'error',
      documentId: 'guide.cyber-crime-and-fraud',
      path: 'sections[0].body',
      message: 'This section has no text: add some or remove the section.',
    },
  ])
})

const wrongValues: Array<[string, unknown]> = [
  ['missing', undefined],
  ['null', null],
  ['a number', 42],
  ['a yes/no', true],
  ['a list', ['x']],
  ['an object', { x: 1 }],
  ['text', 'nonsense'],
]

/** Every field of every seed document, one at a time, set to each wrong kind of value. */
function* hostileDatasets(): Generator<[string, Document[]]> {
  for (const doc of seed) {
    const fields = Object.keys(doc).filter((k) => !['_id', '_type', '_rev', '_createdAt'].includes(k))
    for (const field of fields) {
      for (const [what, value] of wrongValues) {
        const changed = { ...doc, [field]: value } as Document
        if (value === undefined) delete (changed as Record<string, unknown>)[field]
        yield [`${doc._id}.${field} = ${what}`, seed.map((d) => (d._id === doc._id ? changed : d))]
      }
    }
  }
  // Inside lists: contact points, sections, blocks, steps
  const guide = seed.find((d) => d._type === 'guide')!
  const org = seed.find((d) => d._id === 'organisation.derbyshire-victim-services')!
  for (const [what, value] of wrongValues) {
    yield [`section = ${what}`, seed.map((d) => (d === guide ? { ...d, sections: [value] } : d))]
    yield [`block = ${what}`, seed.map((d) => (d === guide ? { ...d, sections: [{ _key: 's', heading: 'H', body: [value] }] } : d))]
    yield [`step = ${what}`, seed.map((d) => (d === guide ? { ...d, steps: [value] } : d))]
    yield [`contact point = ${what}`, seed.map((d) => (d === org ? { ...d, contactPoints: [value] } : d))]
    yield [
      `contact _key = ${what}`,
      seed.map((d) => (d === org ? { ...d, contactPoints: [{ _type: 'phoneContact', _key: value, number: '0800 612 6505' }] } : d)),
    ]
  }
}

test('no raw zod message for any wrong value in any field: each problem is plain words naming document and field', async () => {
  const raw: string[] = []
  let checked = 0
  for (const [name, docs] of hostileDatasets()) {
    for (const p of await errorsFor(docs)) {
      checked++
      if (ZOD.test(p.message) || p.documentId === '' || p.message.length < 10) raw.push(`${name}: ${p.documentId} ${p.path}: ${p.message}`)
    }
  }
  expect(checked).toBeGreaterThan(100)
  expect(raw).toEqual([])
})

test('the fallback names the field in words', async () => {
  const docs = seed.map((d) => (d._id === 'guide.cyber-crime-and-fraud' ? { ...d, organisationsIntro: 42, sections: [...(d.sections as unknown[]), 'x'] } : d))
  expect(await errorsFor(docs)).toEqual([
    expect.objectContaining({ path: 'sections[5]', message: 'Item 6 of the sections should be a group of fields, but it is the text "x".' }),
    expect.objectContaining({ path: 'organisationsIntro', message: 'The introduction to the organisations should be text, but it is the number 42.' }),
  ])
})
