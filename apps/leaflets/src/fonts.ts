// The brand's TTF fonts, embedded in every leaflet (never pdfkit's built-in 14), opened once per process and
// shared by every document, and text measurement with exactly the font objects that draw.
import { readFileSync } from 'node:fs'
import { pdfFonts } from '@signpost/brand'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import type { FontKey } from './layout/types.js'

type Doc = InstanceType<typeof PDFDocument>
type EmbeddedFont = {
  layoutCache?: Record<string, unknown>
  widthOfString(text: string, size: number): number
  lineHeight(size: number, includeGap: boolean): number
}

export const fontFiles: Record<FontKey, string> = { regular: pdfFonts.regular, bold: pdfFonts.bold }
export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold']

let fonts: Record<FontKey, fontkit.Font> | undefined
/** Parsed fonts, once per process: parsing a TTF costs more than laying out a whole leaflet. */
export function brandFonts(): Record<FontKey, fontkit.Font> {
  fonts ??= { regular: fontkit.create(readFileSync(fontFiles.regular)), bold: fontkit.create(readFileSync(fontFiles.bold)) }
  return fonts
}

/**
 * pdfkit keeps a per-document cache of shaped words (EmbeddedFont.layoutCache, on unless fontLayoutCache is
 * false). Shaping is the costliest part of a render, and a word shapes the same in every document that uses the
 * same fontkit font, so every document shares one cache per font. Cached runs are only read after they are made.
 * If a future pdfkit drops the property, documents simply shape words again.
 */
const sharedLayoutCache: Record<FontKey, Record<string, unknown>> = { regular: Object.create(null), bold: Object.create(null) }

/** Registers the brand fonts in `doc` as 'regular' and 'bold' (F1, F2 in that order: stable font ids). */
export function registerBrandFonts(doc: Doc): void {
  const f = brandFonts()
  for (const key of FONT_KEYS) {
    doc.registerFont(key, f[key] as unknown as string)
    doc.font(key)
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font
    if (embedded.layoutCache) embedded.layoutCache = sharedLayoutCache[key]
  }
  doc.font('regular')
}

export type Measure = {
  width(text: string, font: FontKey, size: number): number
  /** Height of one line box (ascender to descender) at this size. */
  lineHeight(font: FontKey, size: number): number
}

let measurer: Measure | undefined

/** Widths from pdfkit's own font objects, so the layout measures exactly what the drawing produces. */
export function measure(): Measure {
  if (measurer) return measurer
  const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as ConstructorParameters<typeof PDFDocument>[0])
  registerBrandFonts(doc)
  const embedded = Object.fromEntries(
    FONT_KEYS.map((key) => [key, (doc.font(key) as unknown as { _font: EmbeddedFont })._font]),
  ) as Record<FontKey, EmbeddedFont>
  const widths = new Map<string, number>()
  measurer = {
    width: (text, font, size) => {
      const key = `${font}\u0000${text}`
      let w = widths.get(key)
      if (w === undefined) {
        w = embedded[font].widthOfString(text, 1000)
        widths.set(key, w)
      }
      return (w * size) / 1000
    },
    lineHeight: (font, size) => embedded[font].lineHeight(size, false),
  }
  return measurer
}
