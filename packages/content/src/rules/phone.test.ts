import { describe, expect, test } from 'vitest'
import { parseUkPhone } from './phone.js'

describe('parseUkPhone accepts UK numbers and shows them as people say them', () => {
  test.each([
    ['0800 612 6505', '0800 612 6505', 'tel:+448006126505', true],
    ['08006126505', '0800 612 6505', 'tel:+448006126505', true],
    ['0300 123 2040', '0300 123 2040', 'tel:+443001232040', false],
    ['+44 300 123 2040', '0300 123 2040', 'tel:+443001232040', false],
    ['+44 (0)300 123 2040', '0300 123 2040', 'tel:+443001232040', false],
    ['01332 613 000', '01332 613000', 'tel:+441332613000', false],
    ['020 7946 0018', '020 7946 0018', 'tel:+442079460018', false],
    ['0121 496 0000', '0121 496 0000', 'tel:+441214960000', false],
    ['07700 900123', '07700 900123', 'tel:+447700900123', false],
    ['0808 168 9111', '0808 168 9111', 'tel:+448081689111', true],
    ['999', '999', 'tel:999', true],
    ['101', '101', 'tel:101', false],
    ['116 123', '116 123', 'tel:116123', true],
  ])('%s', (input, display, href, free) => {
    const r = parseUkPhone(input)
    expect(r).toMatchObject({ ok: true, value: { display, href, freeToCall: free } })
  })
})

describe('parseUkPhone refuses what is not a UK number, saying why', () => {
  test.each([
    ['', /Add a phone number/],
    [undefined, /Add a phone number/],
    ['0800 612 650', /too few digits/],
    ['0800 612 65055', /too many digits/],
    ['0800-CALL-NOW', /only have digits/],
    ['+1 212 555 0100', /not a UK number/],
    ['0600 123 4567', /does not start like a UK phone number/],
    ['12345', /starts with 0/],
  ])('%s', (input, message) => {
    const r = parseUkPhone(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })
})
