// Every channel (email, text message) names the same field with the same words for a guide or area it cannot send.
import { expect, test } from 'vitest'
import { z } from 'zod'
import { loadContent } from './load.js'
import { checkGuideChoice, fieldProblemOf } from './requestProblems.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'

const seed = readSeedDocuments()
const nottinghamshire = {
  _id: 'area.nottinghamshire',
  _type: 'area',
  name: 'Nottinghamshire',
  slug: { current: 'nottinghamshire' },
  forceName: 'Nottinghamshire Police',
}
const content = () =>
  loadContent({ source: embeddedSource(writeDatasetFile([...seed, nottinghamshire])), siteUrl: 'https://x.org', now: new Date('2026-11-29') })

test('a guide asked for in an area that exists and shows it is fine', async () => {
  expect(checkGuideChoice('cyber-crime-and-fraud', undefined, await content())).toBeUndefined()
  expect(checkGuideChoice('cyber-crime-and-fraud', 'derbyshire', await content())).toBeUndefined()
})

test('a malformed slug names its field, before content is looked at', () => {
  expect(checkGuideChoice('Cyber Crime', undefined)).toEqual({
    field: 'guide',
    message: 'guide: "Cyber Crime" can only use lower-case letters, digits and single hyphens, for example cyber-crime-and-fraud.',
  })
  expect(checkGuideChoice('cyber-crime-and-fraud', 'Derby shire')?.field).toBe('area')
})

test('an unknown area, or a guide that area does not show, names the field and lists what is valid', async () => {
  expect(checkGuideChoice('cyber-crime-and-fraud', 'kent', await content())).toEqual({
    field: 'area',
    message: 'area: Unknown area "kent". Valid areas: derbyshire, nottinghamshire.',
  })
  expect(checkGuideChoice('cyber-crime-and-fraud', 'nottinghamshire', await content())).toEqual({
    field: 'guide',
    message: 'guide: Unknown guide "cyber-crime-and-fraud". Valid guides: (none).',
  })
})

test('the first schema problem names its field; unknown fields are listed', () => {
  const schema = z.strictObject({ to: z.string({ error: 'to is required.' }) })
  expect(fieldProblemOf(schema.safeParse({}).error!)).toEqual({ field: 'to', message: 'to is required.' })
  expect(fieldProblemOf(schema.safeParse({ to: 'x', cc: 'y' }).error!)).toEqual({ field: 'request', message: 'request: Unknown field(s): cc.' })
  expect(fieldProblemOf(z.string().safeParse(1).error!, 'body').field).toBe('body')
})
