// Text-message length as GOV.UK Notify counts it (its published rules: 160 / 153 per text in GSM-7 with ^{}\[~]|€
// counting twice, 70 / 67 per text in UCS-2, smart quotes and dashes replaced first, 918 characters at most), and the
// UK mobile number rule with its masking.
import { describe, expect, it } from 'vitest'
import { checkSmsLength, smsLength } from './smsLength.js'
import { checkUkMobile, maskUkMobile } from './mobile.js'

const a = (n: number) => 'a'.repeat(n)

describe('smsLength counts as Notify does', () => {
  it.each([
    ['empty', '', 'GSM-7', 0, 0],
    ['160 plain', a(160), 'GSM-7', 160, 1],
    ['161 plain', a(161), 'GSM-7', 161, 2],
    ['306 plain', a(306), 'GSM-7', 306, 2],
    ['307 plain', a(307), 'GSM-7', 307, 3],
    ['459 plain', a(459), 'GSM-7', 459, 3],
    ['460 plain', a(460), 'GSM-7', 460, 4],
    ['612 plain', a(612), 'GSM-7', 612, 4],
    ['765 plain', a(765), 'GSM-7', 765, 5],
    ['918 plain', a(918), 'GSM-7', 918, 6],
    ['GSM accents é ñ ü à count once', `${a(156)}éñüà`, 'GSM-7', 160, 1],
    ['159 + € (counts twice)', `${a(159)}€`, 'GSM-7', 161, 2],
    ['each of ^{}\\[~]| counts twice', '^{}\\[~]|€', 'GSM-7', 18, 1],
    ['smart quotes and dashes are replaced, not Unicode', `“Don’t” – call — ${a(140)}`, 'GSM-7', 157, 1],
    ['ellipsis becomes three dots', `${a(157)}…`, 'GSM-7', 160, 1],
    ['Welsh ŵ switches to UCS-2: 70', `${a(69)}ŵ`, 'UCS-2', 70, 1],
    ['Welsh ŷ: 71 is two texts', `${a(70)}ŷ`, 'UCS-2', 71, 2],
    ['Welsh â ê î ô û: 134 is two texts', `${a(129)}âêîôû`, 'UCS-2', 134, 2],
    ['UCS-2 135 is three texts', `${a(134)}ŵ`, 'UCS-2', 135, 3],
    ['UCS-2 201 is three texts', `${a(200)}ŵ`, 'UCS-2', 201, 3],
    ['Urdu is UCS-2', 'دھوکہ دہی کی اطلاع ایکشن فراڈ کو 0300 123 2040 پر دیں', 'UCS-2', 53, 1],
    ['an emoji counts as two UCS-2 units', `${a(68)}🙂`, 'UCS-2', 70, 1],
  ])('%s', (_name, text, encoding, characters, texts) => {
    const l = smsLength(text)
    expect({ encoding: l.encoding, characters: l.characters, texts: l.texts }).toEqual({ encoding, characters, texts })
  })

  it('names the characters that forced Unicode', () => {
    expect(smsLength('Ffoniwch ŵyr ŵyr ŷ').nonGsm).toEqual(['ŵ', 'ŷ'])
  })
})

describe('checkSmsLength', () => {
  it('passes 2 texts, warns above 2 and refuses above 6 texts or 918 characters', () => {
    expect(checkSmsLength(a(306))).toEqual({ ok: true, value: expect.objectContaining({ texts: 2 }) })
    const long = checkSmsLength(a(307))
    expect(long.ok && long.warning).toBe('The text message is long: 307 characters, 3 texts. Up to 2 texts read best on a phone.')
    expect(checkSmsLength(a(918)).ok).toBe(true)
    const tooLong = checkSmsLength(a(919))
    expect(tooLong.ok || tooLong.message).toBe(
      'The text message is too long: 919 characters, 7 texts. Keep it to 6 texts at most (918 characters); 2 texts read best.',
    )
    const welsh = checkSmsLength(`${a(402)}ŵ`)
    expect(welsh.ok || welsh.message).toMatch(/403 characters, 7 texts \(sent as Unicode because of ŵ/)
  })
})

describe('checkUkMobile', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['07700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['447700900123', '+447700900123'],
    ['07624 123456', '+447624123456'],
  ])('accepts %s as %s', (input, e164) => {
    const r = checkUkMobile(input)
    expect(r.ok && r.value).toEqual({ e164, display: `0${e164.slice(3, 7)} ${e164.slice(7)}`, masked: `07*** ***${e164.slice(-3)}` })
  })

  it.each([
    ['0300 123 2040', /landlines cannot receive texts/],
    ['0770090012', /has 10/],
    ['+33 6 12 34 56 78', /not a UK mobile number/],
    ['07700 900123\nBcc', /line/],
    ['07000 123456', /personal numbers and pagers/],
    ['call 07700900123', /only have digits/],
    ['', /Add the mobile number/],
  ])('refuses %j', (input, message) => {
    const r = checkUkMobile(input)
    expect(r.ok || r.message).toMatch(message)
  })

  it('masks a number to its last three digits', () => {
    expect(maskUkMobile('+447700900123')).toBe('07*** ***123')
  })
})
