// Which font face each piece of text is set in. Arabic-script letters, and the marks, digits and punctuation
// written with them, go in Noto Naskh Arabic; everything else in Atkinson Hyperlegible Next. A run of text keeps
// one face from one letter to the next, so a word is shaped whole, and a Latin name inside Urdu (or an Urdu word
// inside English) is set in its own script's font. The same answer says, for glyphs.ts, whether any face can
// show a character at all.
import { brandFonts } from './fonts.js'
import type { FontKey } from './layout/types.js'

/** Characters that may need the Arabic face: anything used with Arabic script, and the joiners. */
const MAY_NEED_ARABIC = /[\p{scx=Arabic}\u200C\u200D]/u
const ARABIC_LETTER = /[\p{sc=Arabic}]/u
const LATIN_LETTER = /\p{sc=Latin}/u
const SPACE = /\s/u

type Family = 'latin' | 'arabic'
const FACES: Record<Family, { regular: FontKey; bold: FontKey }> = {
  latin: { regular: 'regular', bold: 'bold' },
  arabic: { regular: 'arabic', bold: 'arabicBold' },
}

export function isBoldFace(face: FontKey): boolean {
  return face === 'bold' || face === 'arabicBold'
}

/** The face of `family` with the weight of `style`. */
export function faceOf(family: Family, style: FontKey): FontKey {
  return FACES[family][isBoldFace(style) ? 'bold' : 'regular']
}

/** Whether any of `text` could need the Arabic face (otherwise it is set in `style` as it is). */
export function needsFaces(text: string): boolean {
  return MAY_NEED_ARABIC.test(text)
}

const has = new Map<number, number>()
/** Bit 1: both Latin faces have the character; bit 2: both Arabic faces do. */
function coverage(codePoint: number): number {
  let bits = has.get(codePoint)
  if (bits === undefined) {
    const f = brandFonts()
    bits =
      (f.regular.hasGlyphForCodePoint(codePoint) && f.bold.hasGlyphForCodePoint(codePoint) ? 1 : 0) |
      (f.arabic.hasGlyphForCodePoint(codePoint) && f.arabicBold.hasGlyphForCodePoint(codePoint) ? 2 : 0)
    has.set(codePoint, bits)
  }
  return bits
}

/** Whether some face (in both weights) has a glyph for the character. */
export function anyFaceHas(codePoint: number): boolean {
  return coverage(codePoint) !== 0
}

function strongFamily(ch: string): Family | undefined {
  if (ARABIC_LETTER.test(ch)) return 'arabic'
  if (LATIN_LETTER.test(ch)) return 'latin'
  return undefined
}

/**
 * Splits `text` into pieces of one face each, in order. A letter takes its script's face; a digit, punctuation
 * mark or joiner takes the face of the nearest letter before it in the same word, else after it, else Latin;
 * a space takes the face of what comes before it. A face that lacks a character gives way to one that has it
 * (the Arabic comma ، after a Latin word).
 */
export function facePieces(text: string, style: FontKey): { text: string; face: FontKey }[] {
  if (!needsFaces(text)) return [{ text, face: style }]
  // Words repeat within and across leaflets: each is split once (callers only read the pieces).
  const key = `${style}\u0000${text}`
  let pieces = pieceCache.get(key)
  if (!pieces) {
    pieces = splitFaces(text, style)
    if (pieceCache.size >= 50_000) pieceCache.clear()
    pieceCache.set(key, pieces)
  }
  return pieces
}
const pieceCache = new Map<string, { text: string; face: FontKey }[]>()

function splitFaces(text: string, style: FontKey): { text: string; face: FontKey }[] {
  const chars = Array.from(text)
  const families: (Family | undefined)[] = chars.map(strongFamily)
  // Neutrals: the letter before in the same word, else the one after, else Latin; spaces follow what precedes.
  let previous: Family | undefined
  for (let i = 0; i < chars.length; i++) {
    if (families[i]) previous = families[i]
    else if (SPACE.test(chars[i]!)) families[i] = previous ?? 'latin'
    else {
      let family = previous
      if (!family) {
        for (let j = i + 1; j < chars.length && !SPACE.test(chars[j]!); j++) {
          if (strongFamily(chars[j]!)) {
            family = strongFamily(chars[j]!)
            break
          }
        }
      }
      families[i] = family ?? 'latin'
    }
    if (SPACE.test(chars[i]!)) previous = undefined
  }
  const pieces: { text: string; face: FontKey }[] = []
  chars.forEach((ch, i) => {
    let family = families[i]!
    const bits = SPACE.test(ch) ? 3 : coverage(ch.codePointAt(0)!)
    if (family === 'latin' && !(bits & 1) && bits & 2) family = 'arabic'
    else if (family === 'arabic' && !(bits & 2) && bits & 1) family = 'latin'
    const face = faceOf(family, style)
    const last = pieces.at(-1)
    if (last && last.face === face) last.text += ch
    else pieces.push({ text: ch, face })
  })
  return pieces
}
