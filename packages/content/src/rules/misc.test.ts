import { expect, test } from 'vitest'
import { checkReviewDates, isReviewOverdue } from './dates.js'
import { checkEmailAddress, maskEmailAddress } from './email.js'
import { checkSlug } from './slug.js'

test('reviewBy must come after reviewedAt', () => {
  expect(checkReviewDates('2026-11-01', '2027-05-01').ok).toBe(true)
  const r = checkReviewDates('2026-11-01', '2026-10-01')
  expect(r.ok || r.message).toBe('"Review by" (2026-10-01) must be after "Last reviewed" (2026-11-01).')
})

test('a review is overdue the day after its review-by date', () => {
  expect(isReviewOverdue('2027-05-01', new Date('2027-05-01T23:00:00Z'))).toBe(false)
  expect(isReviewOverdue('2027-05-01', new Date('2027-05-02T00:00:01Z'))).toBe(true)
})

test.each([
  ['cyber-crime-and-fraud', true],
  ['Cyber-Crime', false],
  ['cyber--crime', false],
  ['cyber crime', false],
  ['', false],
])('slug %s valid: %s', (slug, ok) => expect(checkSlug(slug).ok).toBe(ok))

test.each([
  ['someone@example.com', true],
  ['someone@example', false],
  ['some one@example.com', false],
  ['someone@example.com\r\nBcc: x@example.com', false],
])('email %s valid: %s', (address, ok) => expect(checkEmailAddress(address).ok).toBe(ok))

test('addresses are masked to the first letter and the domain', () => {
  expect(maskEmailAddress('jane.doe@example.com')).toBe('j***@example.com')
})
