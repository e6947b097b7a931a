// A guide's optional "Text message" at the content door (what content:check reports): kept when it fits, a warning
// naming the guide and field above 2 texts, refused above 6, all counted as GOV.UK Notify counts.
import { writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import { ContentError } from './problems.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, toNdjson, writeDatasetFile } from './testing/dataset.js'

const GUIDE = 'guide.cyber-crime-and-fraud'

async function load(textMessage: string) {
  const docs = readSeedDocuments().map((d) => (d._id === GUIDE ? { ...d, textMessage } : d))
  const file = writeDatasetFile([])
  writeFileSync(file, toNdjson(docs))
  return loadContent({ source: embeddedSource(file), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
}

test('a text message of 2 texts is kept on the guide with no warning', async () => {
  const content = await load('Call Derbyshire Victim Services free on 0800 612 6505. Report fraud to Action Fraud on 0300 123 2040.')
  expect(content.guides[0]?.textMessage).toMatch(/^Call Derbyshire/)
  expect(content.warnings.filter((w) => w.path === 'textMessage')).toEqual([])
})

test('above 2 texts: a warning naming the guide and the field, with the count', async () => {
  const content = await load('a'.repeat(307))
  expect(content.warnings.filter((w) => w.path === 'textMessage')).toEqual([
    expect.objectContaining({
      severity: 'warning',
      documentId: GUIDE,
      message: 'The text message is long: 307 characters, 3 texts. Up to 2 texts read best on a phone.',
    }),
  ])
})

test('above 6 texts (here Welsh ŵ makes it Unicode): refused, naming the guide and the field', async () => {
  const error = await load(`Ffoniwch ŵ ${'a'.repeat(400)}`).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ContentError)
  const problems = (error as ContentError).problems.filter((p) => p.path === 'textMessage')
  expect(problems).toEqual([expect.objectContaining({ severity: 'error', documentId: GUIDE })])
  expect(problems[0]?.message).toMatch(/411 characters, 7 texts \(sent as Unicode because of ŵ/)
})
