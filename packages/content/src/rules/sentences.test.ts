import { expect, test } from 'vitest'
import { longSentenceMessage, longSentences, splitSentences } from './sentences.js'

const long =
  'Sometimes people choose not to report an incident because they are embarrassed – remember that fraud is a crime and fraudsters are constantly looking for new ways to strike.'

test('sentences over 25 words are found, short ones are not', () => {
  expect(longSentences('Fraud is an act of deception committed for personal gain or to cause loss to another party.')).toEqual([])
  const found = longSentences(`Short one. ${long} Another short one.`)
  expect(found).toHaveLength(1)
  expect(found[0]!.words).toBe(28)
})

test('the warning quotes the start of the sentence and says what to do', () => {
  expect(longSentenceMessage(longSentences(long))).toBe(
    'A sentence has 28 words: "Sometimes people choose not to report an incident …". Try to keep sentences under 25 words so they are easy to read.',
  )
  expect(longSentenceMessage([])).toBeUndefined()
})

test('sentences split on full stops, question marks and line breaks, not inside numbers', () => {
  expect(splitSentences('What is Fraud? Call 0300 123 2040. Text 82228.\nNext line')).toEqual([
    'What is Fraud?',
    'Call 0300 123 2040.',
    'Text 82228.',
    'Next line',
  ])
})

test('Urdu sentences end at ۔ and ؟, Polish ones may start with Ś or Ł', () => {
  expect(splitSentences('سائبر کرائم کیا ہے؟ یہ ایک جرم ہے۔ آپ کی معلومات مدد کر سکتی ہیں۔')).toEqual([
    'سائبر کرائم کیا ہے؟',
    'یہ ایک جرم ہے۔',
    'آپ کی معلومات مدد کر سکتی ہیں۔',
  ])
  expect(splitSentences('To jest zdanie. Łatwo je przeczytać. Świetnie.')).toHaveLength(3)
  // An abbreviation followed by a lower-case word still does not split.
  expect(splitSentences('Komisarz ds. policji pomaga.')).toHaveLength(1)
})
