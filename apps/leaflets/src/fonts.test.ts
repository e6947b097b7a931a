// The speed-ups in fonts.ts stand in for pdfkit and fontkit internals; these tests pin them to the originals, so a
// dependency upgrade that changes the internals fails here rather than silently changing leaflets.
import * as fontkit from 'fontkit'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { createDocument } from './document.js'
import { brandFonts, fontFiles, FONT_KEYS } from './fonts.js'

type Run = { glyphs: Array<{ id: number }>; positions: unknown[]; advanceWidth: number }
type Layout = (text: string, features?: unknown, onlyWidth?: boolean) => Run

const samples = ['', 'Call 0800 612 6505', 'Text DVS to 82228 ', '  two  spaces\tand a tab', 'é ß ą ŵ “quoted” – dash', 'x'.repeat(300)]

test.each(['regular', 'bold'] as const)("the %s font's word layout gives exactly what pdfkit's own layout gives", (key) => {
  const doc = createDocument({ title: 't', lang: 'en-GB', date: new Date(0) })
  doc.font(key)
  const font = (doc as unknown as { _font: { layout: Layout } })._font
  const original = (Object.getPrototypeOf(font) as { layout: Layout }).layout
  expect(font.layout).not.toBe(original) // the speed-up is installed on this pdfkit
  for (const text of samples) {
    for (const onlyWidth of [false, true]) {
      const mine = font.layout(text, undefined, onlyWidth)
      const theirs = original.call(font, text, undefined, onlyWidth)
      expect(mine.advanceWidth).toBe(theirs.advanceWidth)
      expect(mine.glyphs?.map((g) => g.id)).toEqual(theirs.glyphs?.map((g) => g.id))
      expect(mine.positions).toEqual(theirs.positions)
    }
  }
})

type Glyphs = { glyphsForString(s: string): Array<{ id: number }>; getGlyph(id: number): { path: { toSVG(): string } } }

test.each(FONT_KEYS)('the %s font gives the same glyph outlines as a freshly parsed copy', (key) => {
  const memoised = brandFonts()[key] as unknown as Glyphs
  const fresh = fontkit.create(readFileSync(fontFiles[key])) as unknown as Glyphs
  for (const ch of 'Aéßąŵ0&') {
    const id = memoised.glyphsForString(ch)[0]!.id
    for (let i = 0; i < 2; i++) expect(memoised.getGlyph(id).path.toSVG()).toBe(fresh.getGlyph(id).path.toSVG())
  }
})

test('a leaflet rendered again, its font subsets reused, has the same bytes, and the Urdu one embeds whole fonts pdfjs can read', async () => {
  const { loadContent, viewGuide, embeddedSource } = await import('@signpost/content')
  const { renderLeaflet } = await import('./renderLeaflet.js')
  const { translatedDataset } = await import('./testing/translations.js')
  const { openPdf, textItems } = await import('./testing/pdf.js')
  const content = await loadContent({ source: embeddedSource(await translatedDataset(['ur'])) })
  for (const lang of ['en', 'ur']) {
    const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire', lang)
    const first = await renderLeaflet(view)
    const again = await renderLeaflet(view)
    expect(again.equals(first), lang).toBe(true)
    expect((await textItems(await openPdf(again))).length, lang).toBeGreaterThan(50)
  }
})
