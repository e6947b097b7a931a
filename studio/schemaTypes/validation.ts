// The glue between @signpost/content's pure rules and Sanity's validation, so every field shows the rule's own
// plain-words message and each schema file only says which rule applies.
import { toPlainText } from '@portabletext/toolkit'
import { checkSlug, longSentenceMessage, longSentences, type RuleResult } from '@signpost/content/rules'
import type { CustomValidator, CustomValidatorResult } from 'sanity'

/** Accepts any field's value, so one helper fits string, date and array fields alike. */
export type ValueValidator = (value: unknown) => CustomValidatorResult

/** A rule result as Sanity wants it: true when fine, else the rule's message. */
export function toValidation(result: RuleResult<unknown>): CustomValidatorResult {
  return result.ok ? true : result.message
}

/** A custom validator from a rule that checks one value ("Add a phone number…" when empty, so it also means required). */
export function fromRule(check: (value: unknown) => RuleResult<unknown>): ValueValidator {
  return (value) => toValidation(check(value))
}

/** Slugs: the rule's format check; uniqueness is Sanity's own slug validation (on by default for the slug type). */
export const slugRule: CustomValidator<{ current?: string } | undefined> = (value) => toValidation(checkSlug(value?.current))

/** Plain text a long-sentence check reads: a string as is, Portable Text as its text. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return toPlainText(value as Parameters<typeof toPlainText>[0])
  return ''
}

/** Use with `.warning()`: names the first sentence over 25 words, never blocks publishing. */
export const longSentenceRule: ValueValidator = (value) => {
  const message = longSentenceMessage(longSentences(plainText(value)))
  return message ?? true
}

/** Message for a required field without a rule of its own. */
export function required(what: string): ValueValidator {
  return (value) => {
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)
    return empty ? what : true
  }
}
