import { guidesForArea, loadContent } from '@signpost/content'
import { expect, test } from 'vitest'
import { normaliseText, queryTerms, search } from './search'

const content = await loadContent()

test('normalises case, accents and punctuation', () => {
  expect(normaliseText('Cyber-Crime & FRAUD, Café')).toBe('cyber crime fraud cafe')
  expect(queryTerms('  fraud   Fraud  ')).toEqual(['fraud'])
})

test('Urdu typed on an Arabic keyboard, with vowel marks, a zero-width non-joiner or Eastern digits, matches the same word', () => {
  // Arabic yeh and kaf for Farsi yeh and keheh; a zabar over a letter; ZWNJ inside a word; Urdu digits.
  expect(normaliseText('\u0643\u064A')).toBe(normaliseText('\u06A9\u06CC'))
  expect(normaliseText('مَدد')).toBe(normaliseText('مدد'))
  expect(normaliseText('می\u200Cتوانم')).toBe('میتوانم')
  expect(normaliseText('۰۸۰۰ ٦١٢')).toBe('0800 612')
  // Welsh and Polish letters keep their words whole.
  expect(queryTerms('Twyll ŵyr, oszustwo Łódź')).toEqual(['twyll', 'wyr', 'oszustwo', 'łodz'])
})

test('finds guides by title, summary and section text, and organisations by name and description', () => {
  expect(search(content, 'derbyshire', 'fraud').guides.map((g) => g.slug)).toEqual(['cyber-crime-and-fraud'])
  expect(search(content, 'derbyshire', 'crime reference').guides.map((g) => g.slug)).toEqual(['cyber-crime-and-fraud'])
  expect(search(content, 'derbyshire', 'hacking').guides.map((g) => g.slug)).toEqual(['cyber-crime-and-fraud'])
  const orgs = search(content, 'derbyshire', 'victim services').organisations.map((o) => o.slug)
  expect(orgs[0]).toBe('derbyshire-victim-services')
  expect(search(content, 'derbyshire', 'national reporting centre').organisations.map((o) => o.slug)).toContain('action-fraud')
})

test('every word must match; nothing for no words or unknown words', () => {
  expect(search(content, 'derbyshire', 'fraud zebra').guides).toEqual([])
  expect(search(content, 'derbyshire', '   ')).toEqual({ query: '', guides: [], organisations: [] })
  expect(search(content, 'derbyshire', 'xylophone').organisations).toEqual([])
})

test('guides are found in every language by their own words, each guide once, the reader’s language first', () => {
  const urdu = guidesForArea(content, 'derbyshire', 'ur')[0]!
  const word = urdu.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!
  expect(search(content, 'derbyshire', word).guides.map((g) => [g.slug, g.language])).toEqual([['cyber-crime-and-fraud', 'ur']])
  // Typed with Arabic-keyboard letters (Arabic yeh/kaf for Farsi yeh/keheh), it still finds it.
  const arabicKeyboard = word.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643')
  expect(search(content, 'derbyshire', arabicKeyboard).guides.map((g) => g.language)).toEqual(['ur'])
  expect(search(content, 'derbyshire', 'fraud').guides.map((g) => [g.slug, g.language])).toEqual([['cyber-crime-and-fraud', 'en']])
  // An organisation's name is in every version: the reader's language wins the tie.
  expect(search(content, 'derbyshire', 'Action Fraud', 'pl').guides.map((g) => g.language)).toEqual(['pl'])
  expect(search(content, 'derbyshire', 'Action Fraud', 'ur').guides.map((g) => g.language)).toEqual(['ur'])
})
