import { loadContent } from '@signpost/content'
import { expect, test } from 'vitest'
import { pageDependencies, pathsForTags, tagsForDocument } from './pageTags'

const content = await loadContent()
const pages = pageDependencies(content, 'derbyshire')

test('a document becomes its type tag and its id tag (drafts share the published page)', () => {
  expect(tagsForDocument({ _type: 'guide', _id: 'drafts.guide.x' })).toEqual(['guide', 'guide:guide.x'])
})

test('a guide change refreshes its page, the home page and the organisation pages that list guides', () => {
  const paths = pathsForTags(pages, tagsForDocument({ _type: 'guide', _id: 'guide.cyber-crime-and-fraud' }))
  expect(paths).toEqual(
    expect.arrayContaining(['/', '/guides/cyber-crime-and-fraud', '/guides/cyber-crime-and-fraud/email-sent', '/organisations/action-fraud']),
  )
  expect(paths).not.toContain('/organisations')
})

test('an organisation change refreshes the guides that signpost it and the lists, not unrelated guides', () => {
  const paths = pathsForTags(pages, tagsForDocument({ _type: 'organisation', _id: 'organisation.action-fraud' }))
  expect(paths).toEqual(expect.arrayContaining(['/', '/organisations', '/organisations/action-fraud', '/guides/cyber-crime-and-fraud']))
  expect(paths).not.toContain('/guides/cyber-crime-and-fraud/email-sent')
})

test('site settings touch every page', () => {
  expect(pathsForTags(pages, ['siteSettings']).sort()).toEqual([...new Set(pages.map((p) => p.path))].sort())
})

test('every language has its pages: a guide in Urdu, its email confirmation, the Urdu home page', () => {
  const all = pages.map((p) => p.path)
  for (const code of ['cy', 'pl', 'ur']) {
    expect(all).toEqual(expect.arrayContaining([`/${code}`, `/${code}/guides/cyber-crime-and-fraud`, `/${code}/guides/cyber-crime-and-fraud/email-sent`]))
  }
})

test('a change to the English original refreshes its translations (their out-of-date notice), and a translation its original (the language list)', () => {
  const fromOriginal = pathsForTags(pages, tagsForDocument({ _type: 'guide', _id: 'guide.cyber-crime-and-fraud' }))
  expect(fromOriginal).toEqual(
    expect.arrayContaining(['/ur/guides/cyber-crime-and-fraud', '/cy/guides/cyber-crime-and-fraud', '/pl/guides/cyber-crime-and-fraud']),
  )
  const fromUrdu = pathsForTags(pages, tagsForDocument({ _type: 'guide', _id: 'guide.cyber-crime-and-fraud.ur' }))
  expect(fromUrdu).toEqual(expect.arrayContaining(['/guides/cyber-crime-and-fraud', '/ur/guides/cyber-crime-and-fraud', '/ur']))
  expect(fromUrdu).not.toContain('/guides/cyber-crime-and-fraud/email-sent')
})

test('a phrase catalogue touches every page (they all print phrases); the Urdu guide lists its alternates', () => {
  expect(pathsForTags(pages, ['phraseCatalogue']).sort()).toEqual([...new Set(pages.map((p) => p.path))].sort())
  expect(pages.find((p) => p.path === '/ur/guides/cyber-crime-and-fraud')?.alternates).toEqual([
    { hreflang: 'en-GB', path: '/guides/cyber-crime-and-fraud' },
    { hreflang: 'cy', path: '/cy/guides/cyber-crime-and-fraud' },
    { hreflang: 'pl', path: '/pl/guides/cyber-crime-and-fraud' },
    { hreflang: 'ur', path: '/ur/guides/cyber-crime-and-fraud' },
  ])
})
