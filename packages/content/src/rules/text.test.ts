// Control characters and line breaks are refused where they break pages, PDFs and emails; typed values are quoted back escaped.
import { describe, expect, test } from 'vitest'
import { checkNoControlCharacters, checkSingleLine, escapeControlCharacters, findControlCharacters, quote, singleLine } from './text.js'
import { parseUkPhone } from './phone.js'

describe('quote', () => {
  test('writes line breaks, NUL and escapes as JSON does, so a message stays on one line', () => {
    expect(quote('Cyber\r\nCrime\u0000')).toBe('"Cyber\\r\\nCrime\\u0000"')
    expect(quote('\u001b[31mred')).toBe('"\\u001b[31mred"')
  })
  test('also escapes what JSON leaves raw: DEL, C1 controls, line separators and direction overrides', () => {
    expect(quote('a\u007fb\u0085c\u2028d\u202ee')).toBe('"a\\u007fb\\u0085c\\u2028d\\u202ee"')
  })
  test('shortens a 300-character word to 80 characters and an ellipsis', () => {
    const word = 'x'.repeat(300)
    expect(quote(word)).toBe(`"${'x'.repeat(80)}…"`)
  })
  test('leaves Urdu and Arabic text readable', () => {
    expect(quote('ایکشن فراڈ 0300 123 2040')).toBe('"ایکشن فراڈ 0300 123 2040"')
  })
})

describe('one-line fields', () => {
  test.each(['Cyber\nCrime', 'Cyber\r\nCrime', 'Cyber\rCrime', 'Cyber\u2028Crime', 'Title\n'])('%j is refused, quoted escaped', (value) => {
    const r = checkSingleLine(value)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(/^This must be on one line, but it has a line break in it: ".*"\. Remove the line break\.$/)
      expect(r.message).not.toMatch(/[\r\n\u2028]/)
    }
  })
  test('one line, Urdu text, markup and 300-character words pass', () => {
    for (const v of ['Cyber Crime and Fraud', 'سائبر کرائم اور فراڈ', '<script>alert(1)</script>', 'x'.repeat(300), undefined]) {
      expect(checkSingleLine(v).ok).toBe(true)
    }
  })
  test('singleLine checks the line first, then the field’s own rule', () => {
    const phone = singleLine(parseUkPhone)
    expect(phone('0800 612 6505').ok).toBe(true)
    expect(phone('0800 612\n6505')).toMatchObject({ ok: false, message: expect.stringContaining('line break') })
  })
})

describe('control characters', () => {
  test('NUL, escape and other C0 controls are refused; tab and line breaks are not control faults', () => {
    expect(checkNoControlCharacters('a\u0000b')).toMatchObject({ ok: false, message: expect.stringContaining('(U+0000)') })
    expect(checkNoControlCharacters('a\u001bb').ok).toBe(false)
    expect(checkNoControlCharacters('a\u007fb').ok).toBe(false)
    expect(checkNoControlCharacters('line one\nline two\tend').ok).toBe(true)
  })
  test('are found anywhere in a document, with the path of the string', () => {
    const doc = {
      title: 'ok',
      sections: [{ heading: 'ok' }, { body: [{ children: [{ text: 'ok' }, { text: 'bad\u0000' }] }] }],
    }
    expect(findControlCharacters(doc).map((f) => f.path)).toEqual([['sections', 1, 'body', 0, 'children', 1, 'text']])
  })
  test('escapeControlCharacters makes any line terminal-safe', () => {
    expect(escapeControlCharacters('a\nb\u0000c\u001b[2Jd')).toBe('a\\nb\\u0000c\\u001b[2Jd')
  })
})

describe('direction overrides', () => {
  test('a right-to-left override that would show a phone number backwards is refused; marks and isolates are not', () => {
    expect(checkNoControlCharacters('Action Fraud سے \u202e0300 123 2040\u202c پر رابطہ کریں')).toEqual({
      ok: false,
      message:
        'This text has a direction override (U+202E) in it, which shows the letters after it in reverse order, so a phone number can read backwards: "Action Fraud سے \\u202e0300 123 2040\\u202c پر رابطہ کریں". Delete and retype that part.',
    })
    expect(checkNoControlCharacters('a\u202db').ok).toBe(false)
    expect(checkNoControlCharacters('Action Fraud سے \u200e0300 123 2040\u200f پر').ok).toBe(true)
    expect(checkNoControlCharacters('Action Fraud سے \u20660300 123 2040\u2069 پر').ok).toBe(true)
  })
})
