// The brand's TTF fonts, embedded in every leaflet (never pdfkit's built-in 14), opened once per process and
// shared by every document, and text measurement with exactly the font objects that draw.
import { readFileSync } from 'node:fs'
import { pdfFonts } from '@signpost/brand'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import type { FontKey } from './layout/types.js'

type Doc = InstanceType<typeof PDFDocument>
type EmbeddedFont = {
  ascender: number
  layoutCache?: Record<string, unknown>
  widthOfString(text: string, size: number): number
  lineHeight(size: number, includeGap: boolean): number
}
type GlyphRun = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number }
type EmbeddedFontInternals = {
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => GlyphRun
  layoutCached?: (word: string) => GlyphRun
  layoutRun?: (text: string, features?: unknown) => GlyphRun
}

export const fontFiles: Record<FontKey, string> = { regular: pdfFonts.regular, bold: pdfFonts.bold }
export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold']

let fonts: Record<FontKey, fontkit.Font> | undefined
/** Parsed fonts, once per process: parsing a TTF costs more than laying out a whole leaflet. */
export function brandFonts(): Record<FontKey, fontkit.Font> {
  fonts ??= { regular: openFont(fontFiles.regular), bold: openFont(fontFiles.bold) }
  return fonts
}

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file))
  memoiseGlyphOutlines(font)
  return font
}

type GlyphInternals = { _decode?: () => unknown }
type FontInternals = { getGlyph?: (...args: unknown[]) => GlyphInternals | null; _variationProcessor?: unknown }

/**
 * Relies on fontkit 2 internals: TTFGlyph._decode() parses a glyph's outline from the font file on every call,
 * and the subsetter pdfkit uses (TTFSubset._addGlyph) calls it for every glyph of every document, only to see
 * whether the glyph is composite. In a static (non-variable) font an outline never changes, so each glyph's
 * parse is kept on the glyph object (fontkit already caches those per font; memory is bounded by the font's
 * glyph count). If fontkit renames either method, nothing is memoised and everything works as before.
 */
function memoiseGlyphOutlines(fontkitFont: fontkit.Font): void {
  const font = fontkitFont as unknown as FontInternals
  const getGlyph = font.getGlyph
  if (typeof getGlyph !== 'function' || font._variationProcessor) return
  font.getGlyph = function (this: unknown, ...args: unknown[]) {
    const glyph = getGlyph.apply(this, args)
    const decode = glyph?._decode
    if (glyph && typeof decode === 'function' && !Object.hasOwn(glyph, '_decode')) {
      let parsed: { value: unknown } | undefined
      glyph._decode = function (this: unknown) {
        parsed ??= { value: decode.call(this) }
        return parsed.value
      }
    }
    return glyph
  }
}

/**
 * pdfkit keeps a per-document cache of shaped words (EmbeddedFont.layoutCache, on unless fontLayoutCache is
 * false). Shaping is the costliest part of a render, and a word shapes the same in every document that uses the
 * same fontkit font, so every document shares one cache per font. Cached runs are only read after they are made.
 * If a future pdfkit drops the property, documents simply shape words again.
 */
const sharedLayoutCache: Record<FontKey, Record<string, unknown>> = { regular: Object.create(null), bold: Object.create(null) }
/** Bounds the shared caches: every so many documents, a cache that has grown past the limit starts again. */
const MAX_CACHED_WORDS = 50_000
let registrations = 0

/** Registers the brand fonts in `doc` as 'regular' and 'bold' (F1, F2 in that order: stable font ids). */
export function registerBrandFonts(doc: Doc): void {
  if (++registrations % 256 === 0) {
    for (const key of FONT_KEYS) if (Object.keys(sharedLayoutCache[key]).length > MAX_CACHED_WORDS) sharedLayoutCache[key] = Object.create(null)
  }
  const f = brandFonts()
  for (const key of FONT_KEYS) {
    doc.registerFont(key, f[key] as unknown as string)
    doc.font(key)
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font
    if (embedded.layoutCache) embedded.layoutCache = sharedLayoutCache[key]
    speedUpLayout(embedded as EmbeddedFontInternals)
  }
  doc.font('regular')
}

/**
 * Relies on a pdfkit 0.20 internal: EmbeddedFont.layout(text, features, onlyWidth) splits a string after each space
 * or tab, takes each piece's glyph run from layoutCached and joins them, and every drawn or measured string goes
 * through it (twice per line drawn). pdfkit's version builds a two-element array per character and copies the
 * glyph arrays once per word; this one does the same split, in the same order, with the same result (fresh arrays,
 * advance widths summed in the same order) without that. Installed on the instance only when the methods it
 * builds on are there; otherwise pdfkit's own layout is used.
 */
function speedUpLayout(font: EmbeddedFontInternals): void {
  const { layout, layoutCached, layoutRun } = font
  if (typeof layout !== 'function' || layout.length !== 3 || typeof layoutCached !== 'function' || typeof layoutRun !== 'function') return
  font.layout = function (this: EmbeddedFontInternals, text: string, features?: unknown, onlyWidth?: boolean): GlyphRun {
    if (features) return layoutRun.call(this, text, features)
    const glyphs: unknown[] | null = onlyWidth ? null : []
    const positions: unknown[] | null = onlyWidth ? null : []
    let advanceWidth = 0
    let last = 0
    const add = (end: number) => {
      const run = layoutCached.call(this, text.slice(last, end))
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g)
        for (const p of run.positions) positions.push(p)
      }
      advanceWidth += run.advanceWidth
      last = end
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9) add(i + 1)
    }
    if (last < text.length) add(text.length)
    return { glyphs: glyphs as unknown[], positions: positions as unknown[], advanceWidth }
  }
}

export type Measure = {
  width(text: string, font: FontKey, size: number): number
  /** Advance width of `text` in 1000ths of the font size: what pdfkit's widthOfString(text, 1000) gives. */
  advance(text: string, font: FontKey): number
  /** Height of one line box (ascender to descender) at this size. */
  lineHeight(font: FontKey, size: number): number
  /** Distance from the top of the line box to the baseline at this size (where pdfkit puts the baseline). */
  ascent(font: FontKey, size: number): number
}

let measurer: Measure | undefined

/** Widths from pdfkit's own font objects, so the layout measures exactly what the drawing produces. */
export function measure(): Measure {
  if (measurer) return measurer
  const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as ConstructorParameters<typeof PDFDocument>[0])
  registerBrandFonts(doc)
  const embedded = Object.fromEntries(FONT_KEYS.map((key) => [key, (doc.font(key) as unknown as { _font: EmbeddedFont })._font])) as Record<
    FontKey,
    EmbeddedFont
  >
  // Advance widths of strings (words, lines) by font: a string measures the same in every leaflet. Capped.
  const widths: Record<FontKey, Map<string, number>> = { regular: new Map(), bold: new Map() }
  const advance = (text: string, font: FontKey): number => {
    const cache = widths[font]
    let w = cache.get(text)
    if (w === undefined) {
      w = embedded[font].widthOfString(text, 1000)
      if (cache.size >= MAX_CACHED_WORDS) cache.clear()
      cache.set(text, w)
    }
    return w
  }
  measurer = {
    advance,
    width: (text, font, size) => (advance(text, font) * size) / 1000,
    lineHeight: (font, size) => embedded[font].lineHeight(size, false),
    ascent: (font, size) => (embedded[font].ascender / 1000) * size,
  }
  return measurer
}
