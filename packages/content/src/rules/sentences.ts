// Plain-language check: long sentences are hard to follow when you are upset. A warning, never an error.
import { quote } from './text.js'

export const MAX_SENTENCE_WORDS = 25

export type LongSentence = { sentence: string; words: number }

/**
 * Sentences end at . ! ? and at Urdu's full stop ۔ and question mark ؟; the next one starts with a capital (Ś, Ł too),
 * a digit, a quote, or a letter of a script without capitals (Arabic script).
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?\u06D4\u061F])\s+(?=[\p{Lu}\p{Lo}\p{N}"'‘“(])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

export function longSentences(text: string, max = MAX_SENTENCE_WORDS): LongSentence[] {
  return splitSentences(text)
    .map((sentence) => ({ sentence, words: countWords(sentence) }))
    .filter((s) => s.words > max)
}

export function longSentenceMessage(found: LongSentence[], max = MAX_SENTENCE_WORDS): string | undefined {
  if (found.length === 0) return undefined
  const first = found[0]!
  const start = first.sentence.split(/\s+/).slice(0, 8).join(' ')
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : ''
  return `A sentence has ${first.words} words: ${quote(`${start} …`)}${more}. Try to keep sentences under ${max} words so they are easy to read.`
}
