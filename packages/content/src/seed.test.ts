// The embedded dataset is the client's published page: its facts must all survive normalisation.
import { readFileSync } from 'node:fs'
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import { beforeAll, expect, test } from 'vitest'
import { loadContent } from './load.js'
import type { Content } from './model.js'
import { embeddedSource } from './sources/embedded.js'
import { defaultDatasetPath } from './sources/fromEnv.js'
import { viewGuide } from './views.js'

const seedPage = readFileSync(new URL('../../../studio/data/source/cyber-crime-and-fraud.txt', import.meta.url), 'utf8')
let content: Content
beforeAll(async () => {
  content = await loadContent({ source: embeddedSource(defaultDatasetPath()), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
})

test('the seed normalises with no errors', () => {
  // The English original and its Welsh, Polish and Urdu translations, all at one slug.
  expect(content.guides.map((g) => [g.language, g.slug]).sort()).toEqual([
    ['cy', 'cyber-crime-and-fraud'],
    ['en', 'cyber-crime-and-fraud'],
    ['pl', 'cyber-crime-and-fraud'],
    ['ur', 'cyber-crime-and-fraud'],
  ])
  expect(content.areas.map((a) => a.slug)).toEqual(['derbyshire'])
  expect(content.settings.defaultArea).toBe('derbyshire')
  expect(content.settings.identity).toMatchObject({ name: 'Derbyshire Victim Services', accentColour: '#5b2a86', logo: { mimeType: 'image/png' } })
})

test('every organisation the page names is there with its facts', () => {
  const bySlug = Object.fromEntries(content.organisations.map((o) => [o.slug, o]))
  expect(
    Object.values(bySlug)
      .map((o) => o.name)
      .sort(),
  ).toEqual(['Action Fraud', 'Cyber Streetwise', 'Derbyshire Police and Crime Commissioner', 'Derbyshire Victim Services', 'Get Safe Online', 'Think Jessica'])
  const dvs = bySlug['derbyshire-victim-services']!
  expect(dvs.contactPoints).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'phone', display: '0800 612 6505', href: 'tel:+448006126505', freeToCall: true }),
      expect.objectContaining({ kind: 'sms', keyword: 'DVS', shortCode: '82228', href: 'sms:82228?body=DVS', instruction: 'Text DVS to 82228' }),
    ]),
  )
  expect(dvs).toMatchObject({ kind: 'supportService', free: true, confidential: true, national: false, areas: ['derbyshire'] })
  expect(bySlug['action-fraud']!.contactPoints).toContainEqual(expect.objectContaining({ kind: 'phone', display: '0300 123 2040', href: 'tel:+443001232040' }))
  expect(bySlug['action-fraud']).toMatchObject({ kind: 'reportingCentre', national: true })
  expect(bySlug['derbyshire-police-and-crime-commissioner']).toMatchObject({ kind: 'funder' })
  expect(bySlug['derbyshire-victim-services']!.fundedBy).toBe('derbyshire-police-and-crime-commissioner')
})

test("the guide keeps the client's own words, section by section", () => {
  const guide = content.guides[0]!
  expect(guide.sections.map((s) => s.heading)).toEqual(['What is Cyber-crime?', 'What is Fraud?', 'What should I do?', 'How to report it?', 'What to expect?'])
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  for (const section of guide.sections) {
    expect(flat(seedPage)).toContain(section.heading)
    for (const block of section.body) expect(flat(seedPage)).toContain(flat(toPlainText([block as unknown as PortableTextBlock])))
  }
  for (const org of content.organisations.filter((o) => o.kind !== 'funder')) {
    expect(flat(seedPage)).toContain(org.description)
  }
})

test('the guide carries its canonical URL, review dates and a revision stamp', () => {
  const guide = content.guides[0]!
  expect(guide.url).toBe('https://help.example.org/guides/cyber-crime-and-fraud')
  expect(guide).toMatchObject({ reviewedAt: '2026-11-01', reviewBy: '2027-05-01', reviewOverdue: false })
  expect(guide.revision).toMatch(/^[0-9a-f]{12}$/)
})

test('the Derbyshire view puts Derbyshire Victim Services first and on the front', () => {
  const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire')
  expect(view.primarySupport?.slug).toBe('derbyshire-victim-services')
  expect(view.local.map((o) => o.slug)).toEqual(['derbyshire-victim-services'])
  expect(view.national.map((o) => o.slug)).toEqual(['action-fraud', 'think-jessica', 'get-safe-online', 'cyber-streetwise'])
  expect(view.firstStep?.organisationView?.slug).toBe('action-fraud')
  expect(view.checkedLine).toBe(`Checked 2026-11-01 · revision ${content.guides[0]!.revision.slice(0, 7)}`)
})
