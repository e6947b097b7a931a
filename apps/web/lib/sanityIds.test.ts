// Sanity document ids and type names, as Sanity's "IDs and Paths" documentation defines them.
import { expect, test } from 'vitest'
import { isSanityDocumentId, isSanityTypeName } from './sanityIds'

test('accepts the ids Sanity makes and allows', () => {
  for (const id of [
    'guide.cyber-crime-and-fraud',
    'drafts.guide.cyber-crime-and-fraud',
    '189bc292-e41b-42a0-91b5-bfaa33a34af2',
    'siteSettings',
    '_.groups.x',
    'a'.repeat(128),
  ]) {
    expect(isSanityDocumentId(id), id).toBe(true)
  }
})

test('refuses what is not a document id', () => {
  for (const id of ['', '-abc', 'a..b', 'dog.-abc', 'a.', '.a', '../../etc/passwd', 'a/b', 'a b', 'guide\nx', '<script>', 'é', 'a'.repeat(129)]) {
    expect(isSanityDocumentId(id), JSON.stringify(id)).toBe(false)
  }
})

test('type names', () => {
  expect(isSanityTypeName('guide')).toBe(true)
  expect(isSanityTypeName('sanity.imageAsset')).toBe(true)
  expect(isSanityTypeName('1guide')).toBe(false)
  expect(isSanityTypeName('guide<script>')).toBe(false)
})
