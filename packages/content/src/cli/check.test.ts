// `npm run content:check` as an editor or CI runs it: the built CLI on a real file.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { readSeedDocuments, writeDatasetFile } from '../testing/dataset.js'

const cli = fileURLToPath(new URL('../../dist/cli/check.js', import.meta.url))
const run = (dataset: string) =>
  spawnSync(process.execPath, [cli], { env: { ...process.env, SIGNPOST_DATASET: dataset, SANITY_PROJECT_ID: '' }, encoding: 'utf8' })

test('the shipped dataset passes with a summary', () => {
  const r = run(writeDatasetFile(readSeedDocuments()))
  expect(r.status).toBe(0)
  expect(r.stdout).toMatch(/Content OK: 4 guides, 6 organisations, 1 area, \d+ reviews? overdue, \d+ warnings?\./)
  expect(r.stderr).toMatch(/reading content from the embedded dataset/)
})

test('removing Action Fraud fails, naming the guide and the field that points at it', () => {
  const r = run(writeDatasetFile(readSeedDocuments().filter((d) => d._id !== 'organisation.action-fraud')))
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('error guide.cyber-crime-and-fraud organisations[1]: Points to organisation "organisation.action-fraud"')
  expect(r.stderr).toContain('error guide.cyber-crime-and-fraud steps[0].organisation')
  // Its Welsh, Polish and Urdu translations point at it too.
  expect(r.stderr).toContain('error guide.cyber-crime-and-fraud.ur organisations[1]: Points to organisation "organisation.action-fraud"')
  expect(r.stderr).toMatch(/Content check failed: 8 errors\./)
})

test('hostile values are printed escaped: no raw line break, NUL or escape sequence reaches the terminal', () => {
  const docs = readSeedDocuments().map((d) =>
    d._id === 'guide.cyber-crime-and-fraud'
      ? { ...d, title: 'Cyber\r\nCrime\u001b[2J', summary: 'Fraud\u0000' }
      : d._id === 'organisation.action-fraud'
        ? { ...d, name: 'Action\nFraud' }
        : d,
  )
  const r = run(writeDatasetFile([...docs, { _id: 'odd\nid', _type: 'event\u0000' }]))
  expect(r.status).toBe(1)
  const lines = r.stderr.trim().split('\n')
  expect(lines).toContain(
    'error guide.cyber-crime-and-fraud title: This text has a hidden control character (U+001B) in it, which shows as a box or breaks emails: "Cyber\\r\\nCrime\\u001b[2J". Delete and retype that part.',
  )
  expect(lines).toContain(
    'error guide.cyber-crime-and-fraud summary: This text has a hidden control character (U+0000) in it, which shows as a box or breaks emails: "Fraud\\u0000". Delete and retype that part.',
  )
  expect(lines).toContain(
    'error organisation.action-fraud name: This must be on one line, but it has a line break in it: "Action\\nFraud". Remove the line break.',
  )
  expect(r.stdout).toContain('warning odd\\nid _type: This document is of a type Signpost does not know ("event\\u0000")')
  for (const raw of ['\u0000', '\u001b', '\r']) expect((r.stderr + r.stdout).includes(raw)).toBe(false)
  expect(lines.at(-1)).toBe('Content check failed: 3 errors.')
})

test('a bad phone number is one error, not three: the guides that reference the organisation do not dangle', () => {
  const docs = readSeedDocuments().map((d) =>
    d._id === 'organisation.derbyshire-victim-services' ? { ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: '0800 612 650' }] } : d,
  )
  const r = run(writeDatasetFile(docs))
  expect(r.status).toBe(1)
  expect(r.stderr).not.toContain('does not exist')
  expect(r.stderr).toMatch(/Content check failed: 1 error\./)
})

test('the shipped translations are in date; editing the English text makes all three out of date, naming both revisions', () => {
  const seed = readSeedDocuments()
  const fresh = run(writeDatasetFile(seed))
  expect(fresh.status).toBe(0)
  expect(fresh.stdout).not.toContain('out of date')
  for (const lang of ['Welsh', 'Polish', 'Urdu']) {
    expect(fresh.stdout).toMatch(
      new RegExp(`warning guide\\.cyber-crime-and-fraud\\.\\w+ translation\\.reviewed: The ${lang} translation has not been checked by a qualified translator`),
    )
  }

  // An editor adds a sentence to the English guide only.
  const edited = seed.map((d) => {
    if (d._id !== 'guide.cyber-crime-and-fraud') return d
    const g = structuredClone(d) as typeof d & { sections: Array<{ body: Array<{ children: Array<{ text: string }> }> }> }
    g.sections[3]!.body[0]!.children[0]!.text += ' Lines are open 24 hours a day.'
    return { ...g, _updatedAt: '2026-11-20T10:00:00Z' }
  })
  const stale = run(writeDatasetFile(edited))
  expect(stale.status).toBe(0)
  const lines = stale.stdout.split('\n').filter((l) => l.includes('out of date'))
  expect(lines).toHaveLength(3)
  const urdu = lines.find((l) => l.startsWith('warning guide.cyber-crime-and-fraud.ur translation.translatedFromRevision:'))!
  expect(urdu).toMatch(
    /The Urdu translation is out of date: it was checked against guide\.cyber-crime-and-fraud at revision ([0-9a-f]{12}) on 2026-11-02, but the English guide is now at revision ([0-9a-f]{12}) \(changed 2026-11-20\)\./,
  )
  const [, was, now] = /revision ([0-9a-f]{12}) on .* revision ([0-9a-f]{12})/.exec(urdu)!
  expect(was).not.toBe(now)
  // Review dates and organisations' facts are not the guide's words: changing them leaves the translations in date.
  const rechecked = seed.map((d) => (d._id === 'guide.cyber-crime-and-fraud' ? { ...d, reviewedAt: '2026-11-15' } : d))
  expect(run(writeDatasetFile(rechecked)).stdout).not.toContain('out of date')
})

test('a missing phrase is warned about naming the language and the key', () => {
  const docs = readSeedDocuments().map((d) => (d._id === 'phraseCatalogue.cy' ? { _id: d._id, _type: d._type, language: 'cy' } : d))
  const r = run(writeDatasetFile(docs))
  expect(r.status).toBe(0)
  expect(r.stdout).toContain(
    'warning phraseCatalogue.cy leaflet.pageXOfY: The Welsh (cy) phrase "leaflet.pageXOfY" is missing, so readers see the English: "Page {page} of {pages}".',
  )
})
