// The site's small display helpers: file sizes, and the shortened search query echoed back to the reader.
import { expect, test } from 'vitest'
import { formatBytes, shortened } from './format'

test('file sizes read as bytes, KB or MB', () => {
  expect([formatBytes(900), formatBytes(48_000), formatBytes(3_300_000)]).toEqual(['900 bytes', '47 KB', '3.1 MB'])
})

test('a long query is cut to the limit with an ellipsis; a short one is kept as it is', () => {
  expect(shortened('fraud', 60)).toBe('fraud')
  const long = 'x'.repeat(300)
  expect(shortened(long, 60)).toBe(`${'x'.repeat(59)}…`)
  expect([...new Intl.Segmenter().segment(shortened(long, 60))]).toHaveLength(60)
})

test('letters made of several code points are never cut in half', () => {
  // Urdu with a combining mark, and a family emoji (several code points joined), repeated past the limit.
  const urdu = 'دھوکہ'.repeat(30)
  const cut = shortened(urdu, 20)
  expect(urdu.startsWith(cut.slice(0, -1))).toBe(true)
  const family = '👨‍👩‍👧'.repeat(10)
  expect(shortened(family, 5)).toBe(`${'👨‍👩‍👧'.repeat(4)}…`)
})
