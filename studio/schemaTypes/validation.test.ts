// The glue turns a rule's result into what Sanity shows: true when fine, else the rule's own message.
import { longSentenceMessage, longSentences, parseUkPhone } from '@signpost/content/rules'
import { describe, expect, it } from 'vitest'
import { fromRule, longSentenceRule, plainText, required, slugRule } from './validation'

describe('validation glue', () => {
  it('passes good values and returns the rule’s message for bad ones', () => {
    const phone = fromRule(parseUkPhone)
    expect(phone('0800 612 6505')).toBe(true)
    const bad = parseUkPhone('0800 612')
    expect(phone('0800 612')).toBe(bad.ok ? 'unexpected' : bad.message)
  })

  it('reads slugs from their object', () => {
    expect(slugRule({ current: 'cyber-crime-and-fraud' }, {} as never)).toBe(true)
    expect(slugRule({ current: 'Cyber' }, {} as never)).toMatch(/lower-case/)
  })

  it('reads Portable Text as plain text for the long-sentence warning', () => {
    const long = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')
    const blocks = [{ _type: 'block', _key: 'a', children: [{ _type: 'span', _key: 'b', text: long, marks: [] }], markDefs: [], style: 'normal' }]
    expect(plainText(blocks)).toBe(long)
    expect(longSentenceRule(blocks)).toBe(longSentenceMessage(longSentences(long)))
    expect(longSentenceRule('Short and clear.')).toBe(true)
  })

  it('treats blank strings and empty lists as missing', () => {
    const rule = required('Add it.')
    expect(rule('  ')).toBe('Add it.')
    expect(rule([])).toBe('Add it.')
    expect(rule('x')).toBe(true)
  })
})
