import { expect, test } from 'vitest'
import { checkReviewDates, isReviewOverdue } from './dates.js'
import { checkEmailAddress, maskEmailAddress } from './email.js'
import { checkSlug } from './slug.js'
import { checkLanguageTag } from './language.js'
import { checkContactable, checkCoverageAreas, checkSuccessor } from './organisation.js'

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

test('a local organisation needs an area; a national one does not', () => {
  expect(checkCoverageAreas('local', []).ok).toBe(false)
  expect(checkCoverageAreas('local', [{ _ref: 'area.derbyshire' }]).ok).toBe(true)
  expect(checkCoverageAreas('national', []).ok).toBe(true)
})

test('a renamed organisation needs a successor other than itself', () => {
  expect(checkSuccessor('renamed', undefined)).toEqual({ ok: false, message: 'A renamed organisation needs the organisation it became.' })
  expect(checkSuccessor('renamed', 'organisation.a', 'drafts.organisation.a')).toEqual({ ok: false, message: 'An organisation cannot replace itself.' })
  expect(checkSuccessor('renamed', 'organisation.b', 'organisation.a').ok).toBe(true)
  expect(checkSuccessor('active', undefined).ok).toBe(true)
})

test.each([
  ['en-GB', true],
  ['cy', true],
  ['pl', true],
  ['english please', false],
  ['en_GB', false],
  ['', false],
])('language %s valid: %s', (tag, ok) => expect(checkLanguageTag(tag).ok).toBe(ok))

test('an active organisation with no way in is a dead end; closed or renamed ones are not shown, so they pass', () => {
  const r = checkContactable([], 'active')
  expect(r.ok || r.message).toBe('Readers have no way to contact this organisation: add a phone number, text number, website or email address.')
  expect(checkContactable(undefined).ok).toBe(false)
  expect(checkContactable([{ _type: 'websiteContact', url: 'https://example.org' }]).ok).toBe(true)
  expect(checkContactable([{ _type: 'phoneContact', number: 'broken' }]).ok).toBe(true)
  expect(checkContactable([], 'closed').ok).toBe(true)
})
