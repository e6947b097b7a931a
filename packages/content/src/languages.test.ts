// The one list of languages: what every channel and the Studio offer.
import { expect, test } from 'vitest'
import { DEFAULT_LANGUAGE, getLanguage, isSupportedLanguage, languageOf, SUPPORTED_LANGUAGES } from './languages.js'
import { checkSupportedLanguage } from './rules/language.js'
import { NotFoundError } from './notFound.js'

test('English first, then Welsh, Polish and Urdu, Urdu right to left', () => {
  expect(SUPPORTED_LANGUAGES.map((l) => [l.code, l.tag, l.nativeName, l.dir])).toEqual([
    ['en', 'en-GB', 'English', 'ltr'],
    ['cy', 'cy', 'Cymraeg', 'ltr'],
    ['pl', 'pl', 'Polski', 'ltr'],
    ['ur', 'ur', 'اردو', 'rtl'],
  ])
  expect(DEFAULT_LANGUAGE).toBe('en')
})

test('an unknown code is refused, listing the valid ones', () => {
  expect(isSupportedLanguage('pa')).toBe(false)
  expect(isSupportedLanguage('ur')).toBe(true)
  expect(() => getLanguage('pa')).toThrow(NotFoundError)
  expect(() => getLanguage('pa')).toThrow('Unknown language "pa". Valid languages: en, cy, pl, ur. (en English, cy Welsh, pl Polish, ur Urdu)')
})

test('a stored language may be the code or the tag; anything else names the choices', () => {
  expect(languageOf('en-GB')?.code).toBe('en')
  expect(languageOf('EN-gb')?.code).toBe('en')
  expect(checkSupportedLanguage('cy')).toEqual({ ok: true, value: 'cy' })
  expect(checkSupportedLanguage('fr')).toEqual({
    ok: false,
    message: '"fr" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
  })
  expect(checkSupportedLanguage(undefined).ok).toBe(false)
})
