// Review dates: when guidance was last checked and when it must be checked again.
import { fail, pass, type RuleResult } from './result.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function checkIsoDate(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || !ISO_DATE.test(input) || Number.isNaN(Date.parse(input))) {
    return fail('Pick a date, for example 2026-11-01.')
  }
  return pass(input)
}

export function checkReviewDates(reviewedAt: unknown, reviewBy: unknown): RuleResult<true> {
  const a = checkIsoDate(reviewedAt)
  const b = checkIsoDate(reviewBy)
  if (!a.ok || !b.ok) return pass(true) // each date reports its own problem
  if (b.value <= a.value) return fail(`"Review by" (${b.value}) must be after "Last reviewed" (${a.value}).`)
  return pass(true)
}

/** Today's date as YYYY-MM-DD in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

export function isReviewOverdue(reviewBy: string, now: Date): boolean {
  return reviewBy < isoDay(now)
}

export function overdueMessage(reviewBy: string): string {
  return `This guidance was due for review on ${reviewBy}. Check it is still right, then update the review dates.`
}

/** A date as readers see it: "1 November 2026" (British English until the languages issue brings others). */
export function readerDate(isoDate: string, language = 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  )
}
