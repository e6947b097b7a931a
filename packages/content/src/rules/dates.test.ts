// Readers see "Checked 1 November 2026": the reader's date, in UTC whatever the machine's time zone.
import { expect, test } from 'vitest'
import { readerDate } from './dates.js'
import { rules } from '../index.js'

test('an ISO date is written as readers say it, without a leading zero', () => {
  expect(readerDate('2026-11-01')).toBe('1 November 2026')
  expect(readerDate('2027-05-09', 'en')).toBe('9 May 2027')
  expect(readerDate('2026-12-31', 'en-GB')).toBe('31 December 2026')
})

test('the day does not move with the time zone (the first of the month stays the first)', () => {
  const tz = process.env.TZ
  try {
    process.env.TZ = 'America/Los_Angeles'
    expect(readerDate('2026-11-01')).toBe('1 November 2026')
  } finally {
    process.env.TZ = tz
  }
})

test('another language gets its own month names', () => {
  expect(readerDate('2026-11-01', 'cy')).toMatch(/^1 Tachwedd 2026$/)
})

test('it is one of the shared rules', () => {
  expect(rules.readerDate('2026-11-01')).toBe('1 November 2026')
})
