// Numbers in running text are found with the rules that check contact points, so what the Studio accepts as a phone
// number or text instruction is exactly what becomes tappable in a paragraph.
import { describe, expect, test } from 'vitest'
import { findContactNumbers } from './contactNumbers.js'
import { parseUkPhone } from './phone.js'
import { parseSms } from './sms.js'

const found = (text: string) => findContactNumbers(text).map((n) => [text.slice(n.start, n.end), n.href])

describe('phone numbers in running text', () => {
  test('the numbers of the seed page, as written there', () => {
    expect(found('Report it to Action Fraud on 0300 123 2040 or call Derbyshire Victim Services on 0800 612 6505.')).toEqual([
      ['0300 123 2040', 'tel:+443001232040'],
      ['0800 612 6505', 'tel:+448006126505'],
    ])
  })
  test.each([
    ['0300 123 2040', 'tel:+443001232040'],
    ['03001232040', 'tel:+443001232040'],
    ['0300-123-2040', 'tel:+443001232040'],
    ['+44 300 123 2040', 'tel:+443001232040'],
    ['+44 (0)300 123 2040', 'tel:+443001232040'],
    ['(01332) 613000', 'tel:+441332613000'],
    ['020 7946 0018', 'tel:+442079460018'],
    ['07700 900123', 'tel:+447700900123'],
    ['116 123', 'tel:116123'],
  ])('%s in a sentence', (number, href) => {
    expect(found(`You can ring ${number}, any time.`)).toEqual([[number, href]])
  })
  test('every form the contact-point rule shows (its display) is found and dials the same', () => {
    for (const input of [
      '0800 612 6505',
      '0300 123 2040',
      '01332 613 000',
      '020 7946 0018',
      '0121 496 0000',
      '07700 900123',
      '0808 168 9111',
      '999',
      '116 123',
    ]) {
      const phone = parseUkPhone(input)
      if (!phone.ok) throw new Error(phone.message)
      expect(found(`Call ${phone.value.display} now.`)).toEqual([[phone.value.display, phone.value.href]])
    }
  })
  test('999 always; 101 and 111 only after call, ring, dial, phone or on', () => {
    expect(found('In an emergency call 999. For anything else call 101 or ring 111.')).toEqual([
      ['999', 'tel:999'],
      ['101', 'tel:101'],
      ['111', 'tel:111'],
    ])
    expect(found('Room 101 is on page 111 of 1999 pages, costing £999 or 999%.')).toEqual([])
  })
  test('what the phone rule refuses is not linked: too few or too many digits, other countries, parts of longer numbers', () => {
    expect(found('Call 0800 612 650 or 0300 123 20401 or +1 212 555 0100 or ref 1234567890123 or 0600 123 4567.')).toEqual([])
  })
  test('numbers inside words, web addresses and references are left alone', () => {
    expect(found('See https://example.org/03001232040 and order A03001232040 and id=03001232040.')).toEqual([])
  })
})

describe('text instructions', () => {
  test('"text DVS to 82228" is found with the sms rule, keyword in the body', () => {
    const sms = parseSms('DVS', '82228')
    if (!sms.ok) throw new Error(sms.message)
    expect(found(`Or ${sms.value.instruction.toLowerCase()} for support.`)).toEqual([['text dvs to 82228', 'sms:82228?body=dvs']])
    expect(found(`${sms.value.instruction}.`)).toEqual([['Text DVS to 82228', sms.value.href]])
    expect(found('Text the word “HELP” to 60006')).toEqual([['Text the word “HELP” to 60006', 'sms:60006?body=HELP']])
  })
  test('what the sms rule refuses is not linked', () => {
    expect(found('Text DVS to 8222, text DVS to 12345, text to 82228.')).toEqual([])
  })
})

describe('hostile text', () => {
  test('Urdu and Arabic text around a number: the offsets point at the digits', () => {
    const urdu = 'ایکشن فراڈ کو 0300 123 2040 پر کال کریں یا DVS کو 82228 پر ٹیکسٹ کریں'
    expect(found(urdu)).toEqual([['0300 123 2040', 'tel:+443001232040']])
    const arabic = 'اتصل على ٩٩٩ أو 999 في حالات الطوارئ'
    expect(found(arabic)).toEqual([
      ['٩٩٩', 'tel:999'],
      ['999', 'tel:999'],
    ])
  })
  test('numbers written in Urdu (Extended Arabic-Indic) digits are the same numbers, as the phone rule reads them', () => {
    const urdu = 'مدد کے لیے ۰۸۰۰ ۶۱۲ ۶۵۰۵ پر کال کریں یا Text DVS to ۸۲۲۲۸'
    expect(found(urdu)).toEqual([
      ['۰۸۰۰ ۶۱۲ ۶۵۰۵', 'tel:+448006126505'],
      ['Text DVS to ۸۲۲۲۸', 'sms:82228?body=DVS'],
    ])
    expect(parseUkPhone('۰۸۰۰ ۶۱۲ ۶۵۰۵')).toMatchObject({ ok: true, value: { display: '0800 612 6505', href: 'tel:+448006126505' } })
  })
  test('300-character words, markup and control characters find nothing and throw nothing', () => {
    const hostile = `${'9'.repeat(300)} <a href="tel:0300 123 2040">x</a>\u0000 ${'x'.repeat(300)}0800 612 6505`
    expect(found(hostile)).toEqual([['0300 123 2040', 'tel:+443001232040']])
  })
  test('a number cannot run across a line break', () => {
    expect(found('Call 0300 123\n2040')).toEqual([])
  })
})
