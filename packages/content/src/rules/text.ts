// Text an editor typed, checked for what breaks a page, a PDF or an email: hidden control characters anywhere, and
// line breaks in one-line fields (a title, a name, a label). Also how a typed value is quoted back in a message, so a
// message never carries a raw line break, NUL or terminal escape to the screen.
import { fail, pass, type RuleResult } from './result.js'

const MAX_QUOTED = 80
/** What JSON.stringify leaves raw but a terminal acts on or hides: DEL, C1 controls, separators, direction marks. */
const INVISIBLE = new RegExp('[\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]', 'g')

/**
 * A value as a message shows it: JSON-style quotes and escapes (\n, \r, \u0000), also for DEL, C1 controls, line and
 * paragraph separators and bidirectional overrides; shortened with "…" after 80 characters.
 */
export function quote(value: unknown, max = MAX_QUOTED): string {
  const text = typeof value === 'string' ? value : String(value)
  const chars = Array.from(text)
  const short = chars.length > max ? `${chars.slice(0, max).join('')}…` : text
  return JSON.stringify(short).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Characters no text may hold: C0 controls other than tab, line feed and carriage return, and DEL. */
function firstControl(text: string): string | undefined {
  for (const c of text) {
    const n = c.charCodeAt(0)
    if ((n < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || n === 0x7f) return c
  }
  return undefined
}
const LINE_BREAK = /[\r\n\u2028\u2029]/
/**
 * Left-to-right and right-to-left overrides (U+202D, U+202E) force a direction on everything after them: the classic
 * way to make "0300 123 2040" display as another number. Urdu text needs none (the Unicode Bidirectional Algorithm and,
 * at most, the marks U+200E/U+200F or isolates U+2066–U+2069, which stay allowed).
 */
const BIDI_OVERRIDE = /[\u202d\u202e]/

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** Text of any kind (a paragraph, a summary, a title): refuses hidden control characters such as NUL. */
export function checkNoControlCharacters(input: unknown): RuleResult<unknown> {
  if (typeof input !== 'string') return pass(input)
  const found = firstControl(input)
  if (found) {
    return fail(
      `This text has a hidden control character (${codePoint(found)}) in it, which shows as a box or breaks emails: ${quote(input)}. Delete and retype that part.`,
    )
  }
  const override = BIDI_OVERRIDE.exec(input)?.[0]
  if (override) {
    return fail(
      `This text has a direction override (${codePoint(override)}) in it, which shows the letters after it in reverse order, so a phone number can read backwards: ${quote(input)}. Delete and retype that part.`,
    )
  }
  return pass(input)
}

/** A one-line field (title, name, label, hours, heading, keyword): refuses line breaks. Values that are not text pass. */
export function checkSingleLine(input: unknown): RuleResult<unknown> {
  if (typeof input !== 'string') return pass(input)
  if (LINE_BREAK.test(input)) return fail(`This must be on one line, but it has a line break in it: ${quote(input)}. Remove the line break.`)
  return pass(input)
}

/** A field rule that first insists on one line, then applies `check` (a phone number, a short code, a web address). */
export function singleLine<T>(check: (input: unknown) => RuleResult<T>): (input: unknown) => RuleResult<T> {
  return (input) => {
    const line = checkSingleLine(input)
    return line.ok ? check(input) : line
  }
}

export type TextFault = { path: Array<string | number>; message: string }

/**
 * Every string anywhere in a document (Portable Text spans included) that holds a control character, with its path.
 * The content door and the Studio's document-level check both report these.
 */
export function findControlCharacters(value: unknown, path: Array<string | number> = []): TextFault[] {
  if (typeof value === 'string') {
    const r = checkNoControlCharacters(value)
    return r.ok ? [] : [{ path, message: r.message }]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findControlCharacters(v, [...path, i]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findControlCharacters(v, [...path, k]))
  }
  return []
}

/** A guide section with a heading and no text: the Studio and the content door say the same. */
export const SECTION_WITHOUT_TEXT = 'This section has no text: add some or remove the section.'

// \p{Cc} is every control character (U+0000–U+001F and U+007F–U+009F); then the line and paragraph separators and the
// direction marks, embeddings and isolates.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A line for a terminal or a log: every control, separator and direction character written as \n, \r, \t or \uXXXX. */
export function escapeControlCharacters(line: string): string {
  return line.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
