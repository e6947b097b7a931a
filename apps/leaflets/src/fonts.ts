// The brand's TTF fonts, embedded in every leaflet (never pdfkit's built-in 14), opened once per process and
// shared by every document, and text measurement with exactly the font objects that draw. Latin-script text is
// set in Atkinson Hyperlegible Next ('regular', 'bold'), Arabic-script text in Noto Naskh Arabic ('arabic',
// 'arabicBold'); script.ts says which face each piece of text takes.
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { pdfFonts } from '@signpost/brand'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import type { FontKey } from './layout/types.js'
import { facePieces, needsFaces } from './script.js'

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

export const fontFiles: Record<FontKey, string> = {
  regular: pdfFonts.regular,
  bold: pdfFonts.bold,
  arabic: pdfFonts.arabic,
  arabicBold: pdfFonts.arabicBold,
}
/** In registration order: F1 regular, F2 bold (as before Arabic script came), F3 arabic, F4 arabicBold. */
export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'arabic', 'arabicBold']
/** The faces that shape right to left: every string drawn in them is shaped whole, as Arabic script. */
export const RTL_FACES: ReadonlySet<FontKey> = new Set(['arabic', 'arabicBold'])

let fonts: Record<FontKey, fontkit.Font> | undefined
/** Parsed fonts, once per process: parsing a TTF costs more than laying out a whole leaflet. */
export function brandFonts(): Record<FontKey, fontkit.Font> {
  fonts ??= Object.fromEntries(FONT_KEYS.map((k) => [k, openFont(fontFiles[k])])) as Record<FontKey, fontkit.Font>
  return fonts
}

/**
 * The OpenType language system for shaping Arabic script in a document's language: Urdu has its own forms
 * (digits ۴ and ۷, through the font's locl feature), as have Persian, Sindhi and Kashmiri. Default otherwise.
 */
const OPENTYPE_LANGUAGES: Record<string, string> = { ur: 'URD ', fa: 'FAR ', sd: 'SND ', ks: 'KSH ', ku: 'KUR ' }
export function shapingLanguage(lang: string | undefined): string | undefined {
  return lang ? OPENTYPE_LANGUAGES[lang.toLowerCase().split('-')[0]!] : undefined
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
const sharedLayoutCache = new Map<string, Record<string, unknown>>()
function layoutCacheFor(key: FontKey, otLanguage: string | undefined): Record<string, unknown> {
  const name = RTL_FACES.has(key) ? `${key} ${otLanguage ?? ''}` : key
  let cache = sharedLayoutCache.get(name)
  if (!cache) sharedLayoutCache.set(name, (cache = Object.create(null) as Record<string, unknown>))
  return cache
}
/** Bounds the shared caches: every so many documents, a cache that has grown past the limit starts again. */
const MAX_CACHED_WORDS = 50_000
let registrations = 0

/**
 * Registers the brand fonts in `doc` as 'regular', 'bold', 'arabic' and 'arabicBold' (F1 to F4 in that order:
 * stable font ids; a face no text uses is not embedded). `lang` (the document's language) chooses the OpenType
 * language the Arabic-script faces shape in.
 */
export function registerBrandFonts(doc: Doc, lang?: string): void {
  if (++registrations % 256 === 0) {
    for (const [name, cache] of sharedLayoutCache) if (Object.keys(cache).length > MAX_CACHED_WORDS) sharedLayoutCache.delete(name)
  }
  const f = brandFonts()
  const otLanguage = shapingLanguage(lang)
  for (const key of FONT_KEYS) {
    doc.registerFont(key, f[key] as unknown as string)
    doc.font(key)
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font
    if (embedded.layoutCache) embedded.layoutCache = layoutCacheFor(key, otLanguage)
    if (RTL_FACES.has(key)) shapeWhole(embedded as EmbeddedFontInternals & EmbeddedFont, otLanguage)
    else speedUpLayout(embedded as EmbeddedFontInternals)
    reuseSubsets(embedded as unknown as SubsetInternals, key)
  }
  doc.font('regular')
}

type PdfRef = { data: Record<string, unknown>; compress: boolean; write(chunk: Uint8Array): void; end(chunk?: Uint8Array): void }
type SubsetInternals = {
  embed?: () => void
  subset?: { glyphs?: number[]; cff?: unknown; encode(): Uint8Array }
  document?: { ref: (data?: Record<string, unknown>) => PdfRef; compress?: boolean }
}

/** Compressed font subsets by face and glyph list: the same glyphs in the same order give the same bytes. */
const subsetCache = new Map<string, Buffer>()

/**
 * Relies on pdfkit 0.20 internals: EmbeddedFont.embed() makes the font file stream with its first document.ref()
 * call and ends it with subset.encode(), which the stream then deflates. A leaflet rendered again (every email
 * attachment of a guide, every download) embeds the very same subsets, and encoding and deflating them is a tenth
 * of a render, so the deflated bytes are kept by face and glyph list (bounded) and written as they are, with
 * their /Filter. If the internals are not there, pdfkit embeds as before.
 */
function reuseSubsets(font: SubsetInternals, key: FontKey): void {
  const embed = font.embed
  const doc = font.document
  if (typeof embed !== 'function' || !doc || typeof doc.ref !== 'function' || !doc.compress || !font.subset || font.subset.cff) return
  font.embed = function (this: SubsetInternals) {
    const subset = this.subset!
    const id = `${key} ${(subset.glyphs ?? []).join(',')}`
    const ref = doc.ref
    let first = true
    doc.ref = function (this: unknown, data?: Record<string, unknown>) {
      const made = ref.call(this, data)
      if (first) {
        first = false
        doc.ref = ref
        made.compress = false
        made.data.Filter = 'FlateDecode'
        made.end = function (this: PdfRef, raw?: Uint8Array) {
          let deflated = subsetCache.get(id)
          if (!deflated) {
            deflated = deflateSync(raw ?? new Uint8Array())
            if (subsetCache.size >= 64) subsetCache.clear()
            subsetCache.set(id, deflated)
          }
          this.write(deflated)
          Object.getPrototypeOf(this).end.call(this)
        }
        const encode = subset.encode
        // The raw subset is only needed when it is not cached yet.
        subset.encode = () => (subsetCache.has(id) ? new Uint8Array() : encode.call(subset))
      }
      return made
    }
    try {
      embed.call(this)
    } finally {
      doc.ref = ref
    }
  }
}

type FontkitLayout = { layout(text: string, features: unknown, script?: string, language?: string): GlyphRun & { positions: Record<string, number>[] } }

/**
 * Relies on pdfkit 0.20 internals (EmbeddedFont.layout/layoutRun/layoutCached, as speedUpLayout does). pdfkit
 * shapes a string word by word (split after each space) and joins the words in the order written, which is
 * right for left-to-right text only: right-to-left words would come out in reverse order. Every string drawn in
 * an Arabic-script face is one direction run already put in visual order by bidi.ts, so it is shaped whole, as
 * Arabic script in the document's language: fontkit applies the Arabic joining forms (init, medi, fina, isol),
 * the required ligatures (rlig: lam-alef), mark positioning and mirroring (rtlm), and returns the glyphs left to
 * right. Cached per string in the shared cache.
 */
function shapeWhole(font: EmbeddedFontInternals & EmbeddedFont, otLanguage: string | undefined): void {
  const embedded = font as unknown as { font: FontkitLayout; scale: number }
  font.layoutRun = function (text: string, features?: unknown): GlyphRun {
    const run = embedded.font.layout(text, features, 'arab', otLanguage)
    const glyphs = run.glyphs as { advanceWidth: number }[]
    for (let i = 0; i < run.positions.length; i++) {
      const position = run.positions[i]!
      for (const key in position) position[key]! *= embedded.scale
      position.advanceWidth = glyphs[i]!.advanceWidth * embedded.scale
    }
    return run
  }
  const layoutCached = font.layoutCached
  font.layout = function (this: EmbeddedFontInternals, text: string, features?: unknown): GlyphRun {
    if (features || typeof layoutCached !== 'function') return font.layoutRun!.call(this, text, features)
    const run = layoutCached.call(this, text)
    // Fresh arrays, as pdfkit's own layout gives (the position objects are shared, as in pdfkit's).
    return { glyphs: run.glyphs.slice(), positions: run.positions.slice(), advanceWidth: run.advanceWidth }
  }
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
  /**
   * Width of `text` at `size`. In 'regular' or 'bold' any Arabic-script pieces are measured in the matching
   * Arabic face (see script.ts), so a label or a page number measures as it is drawn.
   */
  width(text: string, font: FontKey, size: number): number
  /** Advance width of `text` in 1000ths of the font size: what pdfkit's widthOfString(text, 1000) gives. */
  advance(text: string, font: FontKey): number
  /** Height of one line box (ascender to descender) at this size. */
  lineHeight(font: FontKey, size: number): number
  /** Distance from the top of the line box to the baseline at this size (where pdfkit puts the baseline). */
  ascent(font: FontKey, size: number): number
}

const measurers = new Map<string, Measure>()

/**
 * Widths from pdfkit's own font objects, so the layout measures exactly what the drawing produces; one measurer
 * per shaping language (`lang`: the document's language).
 */
export function measure(lang?: string): Measure {
  const otLanguage = shapingLanguage(lang) ?? ''
  const existing = measurers.get(otLanguage)
  if (existing) return existing
  const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as ConstructorParameters<typeof PDFDocument>[0])
  registerBrandFonts(doc, lang)
  const embedded = Object.fromEntries(FONT_KEYS.map((key) => [key, (doc.font(key) as unknown as { _font: EmbeddedFont })._font])) as Record<
    FontKey,
    EmbeddedFont
  >
  // Advance widths of strings (words, lines) by font: a string measures the same in every leaflet. Capped.
  const widths = Object.fromEntries(FONT_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FontKey, Map<string, number>>
  const faceAdvance = (text: string, font: FontKey): number => {
    const cache = widths[font]
    let w = cache.get(text)
    if (w === undefined) {
      w = embedded[font].widthOfString(text, 1000)
      if (cache.size >= MAX_CACHED_WORDS) cache.clear()
      cache.set(text, w)
    }
    return w
  }
  const advance = (text: string, font: FontKey): number => {
    if (!needsFaces(text)) return faceAdvance(text, font)
    let w = 0
    for (const piece of facePieces(text, font)) w += faceAdvance(piece.text, piece.face)
    return w
  }
  const measurer: Measure = {
    advance,
    width: (text, font, size) => (advance(text, font) * size) / 1000,
    lineHeight: (font, size) => embedded[font].lineHeight(size, false),
    ascent: (font, size) => (embedded[font].ascender / 1000) * size,
  }
  measurers.set(otLanguage, measurer)
  return measurer
}
