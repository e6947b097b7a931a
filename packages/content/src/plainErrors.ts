// The fallback for any shape problem the content door's schemas have no message of their own for: plain words that
// name the field, so zod's "Invalid input: expected array, received undefined" never reaches an editor.
import type { z } from 'zod'
import { quote } from './rules/index.js'

/** Field names as an editor knows them (the Studio's titles), for the fields the content query reads. */
const FIELD_WORDS: Record<string, string> = {
  _id: 'The document id',
  _key: 'The item’s internal key (_key)',
  _type: 'The kind of item (_type)',
  _updatedAt: 'The last-changed time',
  title: 'The title',
  slug: 'The web address name (slug)',
  current: 'The web address name (slug)',
  summary: 'The summary',
  language: 'The language',
  sections: 'The sections',
  heading: 'The section heading',
  body: 'The section text',
  steps: '“What to do now”',
  text: 'The text',
  organisationsIntro: 'The introduction to the organisations',
  textMessage: 'The text message',
  organisations: '“Organisations that can help”',
  organisation: '“Who helps with this”',
  areas: 'The areas',
  reviewedAt: '“Last reviewed”',
  reviewBy: '“Review by”',
  name: 'The name',
  kind: 'The kind of organisation',
  description: '“What they do”',
  contactPoints: '“How to contact them”',
  label: 'The label',
  number: 'The phone number',
  hours: 'The opening hours',
  keyword: 'The word to text',
  shortCode: 'The number to text',
  url: 'The web address',
  address: 'The email address',
  free: '“Free to use”',
  confidential: '“Confidential”',
  coverage: 'Where it serves (national or local)',
  status: 'The status',
  successor: '“Replaced by”',
  fundedBy: '“Funded by”',
  forceName: 'The police force',
  commissioner: 'The Police and Crime Commissioner’s office',
  siteName: 'The site name',
  defaultArea: 'The default area',
  emergencyNotice: 'The emergency notice',
  exitUrl: 'The “Exit this page” address',
  children: 'The text of a paragraph',
  markDefs: 'The links of a paragraph',
  marks: 'The formatting of some text',
  href: 'The link target',
  style: 'The paragraph style',
  serviceName: 'The service name',
  funderLine: 'The funder line',
  accentColour: 'The accent colour',
  logo: 'The logo',
  alt: 'The logo’s text for screen readers',
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a yes/no choice',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
}

function fieldOf(path: ReadonlyArray<PropertyKey> | undefined): string {
  const parts = [...(path ?? [])]
  const at = parts.map((p) => typeof p === 'string').lastIndexOf(true)
  if (at < 0) return parts.length ? `Item ${Number(parts[0]) + 1}` : 'This document'
  const last = parts[at] as string
  const words = FIELD_WORDS[last] ?? `The field ${quote(last)}`
  const item = parts.slice(at + 1).find((p) => typeof p === 'number')
  return item === undefined ? words : `Item ${Number(item) + 1} of ${words.replace(/^The /, 'the ')}`
}

function described(input: unknown): string {
  if (input === null || input === undefined) return 'nothing'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'string') return `the text ${quote(input, 40)}`
  if (typeof input === 'number') return `the number ${input}`
  if (typeof input === 'boolean') return `a yes/no (${input})`
  if (typeof input === 'object') return 'a group of fields'
  return quote(String(input), 40)
}

/** zod's per-parse error map: a plain-words message for each issue whose schema gave none. */
export function plainIssue(issue: z.core.$ZodRawIssue): string {
  const field = fieldOf(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return `${field} is missing or empty.`
      return `${field} should be ${KIND_WORDS[issue.expected] ?? issue.expected}, but it is ${described(issue.input)}.`
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((v) => quote(v)).join(', ')}, not ${described(issue.input)}.`
    case 'too_small':
      return issue.origin === 'array' ? `${field} needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.` : `${field} is too short or empty.`
    case 'too_big':
      return issue.origin === 'array' ? `${field} has too many items (at most ${issue.maximum}).` : `${field} is too long (at most ${issue.maximum}).`
    case 'unrecognized_keys':
      return `${field} has fields Signpost does not know: ${issue.keys.map((k) => quote(k)).join(', ')}.`
    default:
      return `${field} is not in a form Signpost can read. Open it in the Studio and enter it again.`
  }
}
