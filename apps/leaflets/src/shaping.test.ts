// Arabic-script shaping as the leaflet draws it (pdfkit's font object for the 'arabic' faces, through the layout
// fonts.ts installs) against HarfBuzz, the shaper browsers and Chromium use: every Urdu word the leaflet prints
// comes out as the same glyphs (joining forms init/medi/fina/isol, required ligatures, Urdu's own digit forms) in
// the same visual order at the same positions. This is what made Noto Naskh Arabic the choice over Nastaliq,
// whose cursive attachment fontkit 2.0.4 cannot lay out (it throws on words such as ہفتے).
import { readFileSync } from 'node:fs'
import { loadContent, viewGuide } from '@signpost/content'
import * as hb from 'harfbuzzjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDocument } from './document.js'
import { fontFiles } from './fonts.js'
import { SEED_AREA, SEED_GUIDE } from './testing/dataset.js'
import { URDU } from './testing/translations.js'

type Run = { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] }
type Layout = { layout(text: string): Run }

let words: string[]

beforeAll(async () => {
  const content = await loadContent()
  const texts: string[] = [JSON.stringify(URDU)]
  if (content.guides.some((g) => g.slug === SEED_GUIDE && g.language === 'ur')) texts.push(JSON.stringify(viewGuide(content, SEED_GUIDE, SEED_AREA, 'ur')))
  words = [...new Set(texts.join(' ').match(/[\p{sc=Arabic}\u200c]+/gu) ?? [])]
})

function harfBuzz(file: string) {
  const data = readFileSync(file)
  const font = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(data))))
  return (text: string) => {
    const buffer = new hb.Buffer()
    buffer.addText(text)
    buffer.setDirection(hb.Direction.RTL)
    buffer.setScript('Arab')
    buffer.setLanguage('ur')
    hb.shape(font, buffer)
    return { glyphs: buffer.getGlyphInfos().map((g) => g.codepoint), positions: buffer.getGlyphPositions() }
  }
}

describe.each(['arabic', 'arabicBold'] as const)('the %s face', (face) => {
  it('shapes every Urdu word of the leaflet exactly as HarfBuzz does (glyphs, order, positions)', () => {
    expect(words.length).toBeGreaterThan(50)
    const doc = createDocument({ title: 't', lang: 'ur', date: new Date(0) })
    doc.font(face)
    const font = (doc as unknown as { _font: Layout })._font
    const reference = harfBuzz(fontFiles[face])
    for (const word of words) {
      const mine = font.layout(word)
      const theirs = reference(word)
      expect(
        mine.glyphs.map((g) => g.id),
        word,
      ).toEqual(theirs.glyphs)
      // pdfkit scales positions to 1000 units per em; Noto Naskh Arabic has 1000 already.
      expect(
        mine.positions.map((p) => [Math.round(p.xAdvance), Math.round(p.xOffset), Math.round(p.yOffset)]),
        word,
      ).toEqual(theirs.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]))
    }
  })

  it('joins letters (the shaped glyphs are not the letters’ isolated forms) and uses Urdu’s own digit shapes', () => {
    const doc = createDocument({ title: 't', lang: 'ur', date: new Date(0) })
    doc.font(face)
    const font = (doc as unknown as { _font: Layout })._font
    const isolated = (word: string) => Array.from(word).flatMap((ch) => font.layout(ch).glyphs.map((g) => g.id))
    // Visual order: the word's first letter is the last glyph.
    expect(font.layout('کرائم').glyphs.map((g) => g.id)).not.toEqual(isolated('کرائم').reverse())
    // ۴ and ۷ have Urdu forms (the font's locl for the URD language system).
    const urdu = createDocument({ title: 't', lang: 'ur', date: new Date(0) })
    const persianOrArabic = createDocument({ title: 't', lang: 'en-GB', date: new Date(0) })
    const digits = (d: typeof urdu) => (d.font(face) as unknown as { _font: Layout })._font.layout('۴۷').glyphs.map((g) => g.id)
    expect(digits(urdu)).not.toEqual(digits(persianOrArabic))
  })
})
