// The Unicode Bidirectional Algorithm for leaflets, through bidi-js: pdfkit draws glyphs left to right and does
// no bidi of its own. A paragraph's levels are resolved once on its whole logical text (paragraph direction from
// the document's language), the paragraph is broken into lines by width in logical order, and each line is then
// reordered on its own (UAX #9 rules L1 and L2), so an Urdu line with an English name and a phone number reads
// in the right order. Numbers are isolated (LRI … PDI) so "0800 612 6505" keeps its groups in order.
import * as bidiModule from 'bidi-js'
import type { Bidi, EmbeddingLevels } from 'bidi-js'

export type Direction = 'ltr' | 'rtl'

// bidi-js is CommonJS whose only export is a factory; Node's ESM import gives it as the default export.
const bidi = (bidiModule as unknown as { default: () => Bidi }).default()

/** Left-to-right isolate and pop directional isolate: a number or address keeps its own order inside RTL text. */
export const LRI = '\u2066'
export const PDI = '\u2069'
/** Bidi formatting characters: they steer the algorithm and are never drawn. */
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u200F\u202B\u202E\u2067\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u

/** Whether `text` has anything that reads right to left (Hebrew, Arabic script and the like, or an RTL mark). */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text)
}

/** `text` without bidi formatting characters (what is drawn, and what a reader's copy of the text holds). */
export function withoutControls(text: string): string {
  return text.includes('\u2066') || /[\u061C\u200E\u200F\u202A-\u202E\u2067-\u2069]/u.test(text) ? text.replace(CONTROLS, '') : text
}

/** `text` as a left-to-right island: for numbers, short codes and addresses inside right-to-left text. */
export function isolateLeftToRight(text: string): string {
  return `${LRI}${text}${PDI}`
}

export type Levels = EmbeddingLevels

/** The embedding levels of a paragraph's logical text, its base direction given (not guessed). */
export function paragraphLevels(text: string, direction: Direction): Levels {
  // The same paragraphs are laid out again and again (two layout passes, every copy of a leaflet): once each.
  const key = `${direction}\u0000${text}`
  let levels = levelCache.get(key)
  if (!levels) {
    levels = bidi.getEmbeddingLevels(text, direction)
    if (levelCache.size >= 5_000) levelCache.clear()
    levelCache.set(key, levels)
  }
  return levels
}
const levelCache = new Map<string, Levels>()

/** A run of one line in visual order: logical characters [start, end) at one embedding level (odd: right to left). */
export type VisualRun = { start: number; end: number; level: number }

/**
 * The line [start, end) of a paragraph as runs in visual order, left to right. A run never crosses a level
 * change or a position where `breakBefore(i)` is true (a change of font or colour between i - 1 and i), so each
 * run can be drawn as one string.
 */
export function visualRuns(text: string, levels: Levels, start: number, end: number, breakBefore: (i: number) => boolean = () => false): VisualRun[] {
  if (end <= start) return []
  const level = lineLevels(text, levels, start, end)
  const order = visualOrder(level).map((k) => start + k)
  const runs: VisualRun[] = []
  let current: VisualRun | undefined
  let last = -2
  for (const i of order) {
    const lv = level[i - start]!
    const odd = lv % 2 === 1
    const continues = current && current.level === lv && (odd ? i === last - 1 && !breakBefore(last) : i === last + 1 && !breakBefore(i))
    if (continues && current) {
      if (odd) current.start = i
      else current.end = i + 1
    } else {
      current = { start: i, end: i + 1, level: lv }
      runs.push(current)
    }
    last = i
  }
  return runs
}

/**
 * Rule L2: from the highest level on the line down to the lowest odd level, reverse every contiguous sequence at
 * that level or higher. Gives the line's characters (0-based within the line) in visual order. (bidi-js's own
 * line reordering resets line-end white space at the wrong index for lines that do not start the paragraph, so
 * only its levels are used.)
 */
function visualOrder(level: Uint8Array): number[] {
  const order = Array.from(level, (_, k) => k)
  let highest = 0
  let lowestOdd = Infinity
  for (const lv of level) {
    highest = Math.max(highest, lv)
    lowestOdd = Math.min(lowestOdd, lv | 1)
  }
  for (let lv = highest; lv >= lowestOdd; lv--) {
    for (let k = 0; k < order.length; k++) {
      if (level[order[k]!]! < lv) continue
      let stop = k
      while (stop + 1 < order.length && level[order[stop + 1]!]! >= lv) stop++
      for (let a = k, b = stop; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!]
      k = stop
    }
  }
  return order
}

/** Levels for one line after rule L1: white space (and isolates) at the end of the line go to the paragraph level. */
function lineLevels(text: string, levels: Levels, start: number, end: number): Uint8Array {
  const out = levels.levels.slice(start, end)
  const paragraph = levels.paragraphs.find((p) => p.start <= start && start <= p.end)?.level ?? 0
  for (let i = end - 1; i >= start; i--) {
    if (!/[\s\u2066-\u2069\u200E\u200F]/u.test(text[i]!)) break
    out[i - start] = paragraph
  }
  return out
}

/**
 * The string to hand to the shaper for a run of logical text, so its glyphs come out in visual order. A face
 * that shapes right to left (the Arabic-script faces) reverses what it is given; any other keeps it. Text at an
 * odd level reads right to left, so in a left-to-right face it is reversed here; text at an even level (digits)
 * in a right-to-left face is reversed here so the shaper puts it back. At an odd level brackets are mirrored.
 */
export function drawnText(logical: string, level: number, shapesRightToLeft: boolean): string {
  const text = withoutControls(logical)
  const odd = level % 2 === 1
  // fontkit does not apply mirrored forms (rtlm) itself, so brackets at an odd level are mirrored here (rule L4).
  if (odd && shapesRightToLeft) return /[()[\]{}<>«»‹›]/u.test(text) ? mirror(Array.from(text)).join('') : text
  if (!odd && !shapesRightToLeft) return text
  const chars = Array.from(text).reverse()
  return odd ? mirror(chars).join('') : chars.join('')
}

function mirror(chars: string[]): string[] {
  return chars.map((c) => bidi.getMirroredCharacter(c) ?? c)
}
