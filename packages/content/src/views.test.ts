// Which contacts a reader in an area sees is decided here, once, for every channel.
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'
import { NotFoundError, guidesForArea, guidesSignposting, organisationsServingArea, primarySupportOf, viewGuide } from './views.js'

const seed = readSeedDocuments()
const nottinghamshire = {
  _id: 'area.nottinghamshire',
  _type: 'area',
  name: 'Nottinghamshire',
  slug: { current: 'nottinghamshire' },
  forceName: 'Nottinghamshire Police',
}
const nationalGuide = {
  ...seed.find((d) => d._type === 'guide')!,
  _id: 'guide.national',
  slug: { current: 'national-guide' },
  title: 'A national guide',
  areas: [],
}

async function load(docs: unknown[]) {
  return loadContent({ source: embeddedSource(writeDatasetFile(docs)), siteUrl: 'https://x.org', now: new Date('2026-11-29') })
}

test('another area sees national guides and national services only', async () => {
  const content = await load([...seed, nottinghamshire, nationalGuide])
  expect(guidesForArea(content, 'nottinghamshire').map((g) => g.slug)).toEqual(['national-guide'])
  expect(
    guidesForArea(content, 'derbyshire')
      .map((g) => g.slug)
      .sort(),
  ).toEqual(['cyber-crime-and-fraud', 'national-guide'])
  const view = viewGuide(content, 'national-guide', 'nottinghamshire')
  expect(view.local).toEqual([])
  expect(view.organisations.map((o) => o.slug)).not.toContain('derbyshire-victim-services')
  expect(view.primarySupport).toBeUndefined()
  // The step that points at a Derbyshire-only service keeps its text but loses the contact.
  expect(view.steps[1]!.organisationView).toBeUndefined()
})

test('a renamed organisation is shown as its successor; a closed one drops out with a warning', async () => {
  const docs = seed.map((d) => {
    if (d._id === 'organisation.think-jessica') return { ...d, status: 'closed' }
    if (d._id === 'organisation.cyber-streetwise') return { ...d, status: 'renamed', successor: { _ref: 'organisation.get-safe-online' } }
    return d
  })
  const content = await load(docs)
  const view = viewGuide(content, 'cyber-crime-and-fraud')
  expect(view.organisations.map((o) => o.slug)).toEqual(['derbyshire-victim-services', 'action-fraud', 'get-safe-online'])
  expect(content.warnings).toContainEqual(
    expect.objectContaining({
      documentId: 'guide.cyber-crime-and-fraud',
      path: 'organisations[2]',
      message: 'Think Jessica has closed. Remove it or choose the service that replaced it.',
    }),
  )
})

test('unknown guides and areas are named, with the valid ones listed', async () => {
  const content = await load(seed)
  expect(() => viewGuide(content, 'nope')).toThrow(new NotFoundError('guide', 'nope', ['cyber-crime-and-fraud']))
  expect(() => viewGuide(content, 'cyber-crime-and-fraud', 'kent')).toThrow('Unknown area "kent". Valid areas: derbyshire.')
})

test('an overdue review is flagged and warned about', async () => {
  const content = await loadContent({ source: embeddedSource(writeDatasetFile(seed)), siteUrl: 'https://x.org', now: new Date('2027-06-01') })
  expect(content.guides[0]!.reviewOverdue).toBe(true)
  expect(content.warnings).toContainEqual(expect.objectContaining({ path: 'reviewBy', severity: 'warning' }))
})

test('the revision changes when a signposted phone number changes, and only then', async () => {
  const a = (await load(seed)).guides[0]!.revision
  const b = (await load(seed)).guides[0]!.revision
  const changed = seed.map((d) =>
    d._id === 'organisation.action-fraud' ? { ...d, contactPoints: [{ _type: 'phoneContact', _key: 'p', number: '0300 123 2041' }] } : d,
  )
  const c = (await load(changed)).guides[0]!.revision
  expect(a).toBe(b)
  expect(c).not.toBe(a)
})

test('the area lists every current organisation serving it, local first, and leads with the local support service', async () => {
  const content = await load([...seed, nottinghamshire])
  const derbyshire = organisationsServingArea(content, 'derbyshire')
  expect(derbyshire.map((o) => o.slug).slice(0, 2)).toEqual(['derbyshire-police-and-crime-commissioner', 'derbyshire-victim-services'])
  expect(primarySupportOf(derbyshire)?.slug).toBe('derbyshire-victim-services')
  expect(organisationsServingArea(content, 'nottinghamshire').some((o) => !o.national)).toBe(false)
  expect(primarySupportOf(organisationsServingArea(content, 'nottinghamshire'))).toBeUndefined()
  expect(guidesSignposting(content, 'action-fraud', 'derbyshire').map((g) => g.slug)).toEqual(['cyber-crime-and-fraud'])
  expect(guidesSignposting(content, 'action-fraud', 'nottinghamshire')).toEqual([])
})

test('long sentences are warned about in guides and organisation descriptions alike, never rejected', async () => {
  const content = await load(seed)
  expect(content.warnings).toContainEqual(expect.objectContaining({ documentId: 'guide.cyber-crime-and-fraud', path: 'sections', severity: 'warning' }))
  expect(content.warnings).toContainEqual(expect.objectContaining({ documentId: 'organisation.think-jessica', path: 'description', severity: 'warning' }))
  expect(content.warnings.some((w) => w.documentId === 'organisation.cyber-streetwise' && w.path === 'description')).toBe(false)
})
