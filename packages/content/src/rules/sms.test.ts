import { expect, test } from 'vitest'
import { checkShortCode, checkSmsKeyword, parseSms } from './sms.js'

test('text DVS to 82228 becomes an sms: link with the keyword typed in, and the instruction written out', () => {
  expect(parseSms('DVS', '82228')).toEqual({
    ok: true,
    value: { keyword: 'DVS', shortCode: '82228', href: 'sms:82228?body=DVS', instruction: 'Text DVS to 82228' },
  })
})

test.each([
  ['82228', true],
  ['60006', true],
  ['822 28', true],
  ['8222', false],
  ['8222899', false],
  ['12345', false],
  ['82A28', false],
  ['', false],
])('short code %s valid: %s', (code, ok) => {
  expect(checkShortCode(code).ok).toBe(ok)
})

test.each([
  ['DVS', true],
  ['help2', true],
  ['two words', false],
  ['', false],
  ['ABCDEFGHIJKLMNOPQRSTU', false],
])('keyword %s valid: %s', (keyword, ok) => {
  expect(checkSmsKeyword(keyword).ok).toBe(ok)
})

test('a bad short code message names the problem in plain words', () => {
  const r = checkShortCode('8222')
  expect(r.ok || r.message).toBe('A UK short code has 5 or 6 digits, for example 82228. "8222" has 4.')
})
