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
