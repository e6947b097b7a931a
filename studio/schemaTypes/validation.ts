// The glue between @signpost/content's pure rules and Sanity's validation, so every field shows the rule's own
// plain-words message and each schema file only says which rule applies.
import { toPlainText } from '@portabletext/toolkit'
import { checkSingleLine, checkSlug, findControlCharacters, longSentenceMessage, longSentences, type RuleResult } from '@signpost/content/rules'
import type { CustomValidator, CustomValidatorResult, Path, ValidationError } from 'sanity'

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

/** A required one-line field (title, name, heading): the message when empty, else the shared one-line rule. */
export function requiredLine(what: string): ValueValidator {
  const present = required(what)
  return (value) => {
    const r = present(value)
    return r === true ? toValidation(checkSingleLine(value)) : r
  }
}

/** An optional one-line field (a label, opening hours): the shared one-line rule. */
export const singleLineRule: ValueValidator = fromRule(checkSingleLine)

/** A path inside a document with list items named by their _key, as the Studio marks fields. */
function keyedPath(document: unknown, path: Array<string | number>): Path {
  const out: Path = []
  let node: unknown = document
  for (const part of path) {
    const item = Array.isArray(node) && typeof part === 'number' ? (node[part] as { _key?: unknown } | undefined) : undefined
    out.push(typeof item?._key === 'string' ? { _key: item._key } : part)
    node = (node as Record<string | number, unknown> | undefined)?.[part]
  }
  return out
}

/** Document-level: every hidden control character (NUL…) anywhere in the document, marked on its field, as the content door finds them. */
export const controlCharactersRule: CustomValidator<unknown> = (document) => {
  const faults = findControlCharacters(document)
  if (faults.length === 0) return true
  return faults.map((f): ValidationError => ({ message: f.message, path: keyedPath(document, f.path) }))
}
