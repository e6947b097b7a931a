// Booklets read back with pdfjs-dist: A4 landscape sheet sides, each half holding the A5 page that saddle-stitch
// order puts there (found by the text printed on it), padding blanks where the page count falls short of whole sheets.
import { loadContent, viewGuide, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { bookletFileName, bookletPageCount, imposeBooklet, renderBooklet, saddleStitchSides } from './booklet.js'
import { collect, createDocument } from './document.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE } from './testing/dataset.js'
import { expectedSides, halvesOf, sheetSides, type Side } from './testing/booklet.js'
import { openPdf, pageTexts, textItems } from './testing/pdf.js'

/** An A5 PDF whose page k says "Marker page k" near its top left and "end k" near its bottom right. */
async function markedA5(pages: number): Promise<Buffer> {
  const doc = createDocument({ title: 'Marked leaflet', lang: 'cy', date: new Date('2026-11-01T09:00:00Z') })
  const bytes = collect(doc)
  for (let k = 1; k <= pages; k++) {
    doc.addPage({ size: 'A5', margin: 0 })
    doc.font('regular').fontSize(14).text(`Marker page ${k}`, 40, 40, { lineBreak: false })
    doc.fontSize(10).text(`end ${k}`, 340, 560, { lineBreak: false })
  }
  doc.end()
  return bytes
}

/** Sides with the text on each half; fails if any text runs across the fold. */
async function halves(bytes: Buffer): Promise<Side[]> {
  const sides = await sheetSides(bytes)
  expect(sides.flatMap((s) => s.onFold)).toEqual([])
  return sides
}

const half = (k: number | null) => (k === null ? '' : `Marker page ${k} end ${k}`)


describe('saddleStitchSides', () => {
  it('puts an 8-page booklet in the classic order, front then back of each sheet', () => {
    expect(saddleStitchSides(8)).toEqual([
      { left: 8, right: 1 },
      { left: 2, right: 7 },
      { left: 6, right: 3 },
      { left: 4, right: 5 },
    ])
  })

  it('pads with blanks at the end to whole sheets of four pages', () => {
    expect(bookletPageCount(1)).toBe(4)
    expect(bookletPageCount(4)).toBe(4)
    expect(bookletPageCount(5)).toBe(8)
    expect(saddleStitchSides(6)).toEqual([
      { left: null, right: 1 },
      { left: 2, right: null },
      { left: 6, right: 3 },
      { left: 4, right: 5 },
    ])
    expect(saddleStitchSides(1)).toEqual([
      { left: null, right: 1 },
      { left: null, right: null },
    ])
  })

  it('places every page exactly once, and facing pages add up to n + 1', () => {
    for (let pages = 1; pages <= 41; pages++) {
      const n = bookletPageCount(pages)
      const sides = saddleStitchSides(pages)
      expect(sides.length).toBe(n / 2)
      const placed = sides.flatMap((s) => [s.left, s.right]).filter((p): p is number => p !== null)
      expect(placed.sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, i) => i + 1))
      for (const [i, { left, right }] of sides.entries()) {
        if (left !== null && right !== null) expect(left + right, `side ${i + 1} of ${pages} pages`).toBe(n + 1)
      }
    }
  })

  it('refuses a page count that is not a whole number', () => {
    expect(() => saddleStitchSides(2.5)).toThrow('A booklet needs a whole number of pages (got 2.5).')
    expect(() => saddleStitchSides(-1)).toThrow(/got -1/)
  })
})

describe('imposeBooklet', () => {
  it('prints a 6-page A5 leaflet on 2 A4 landscape sheets, pages in saddle-stitch order, two padding blanks', async () => {
    const sides = await halves(await imposeBooklet(await markedA5(6)))
    expect(sides.map((s) => s.size)).toEqual(Array(4).fill([842, 595]))
    expect(halvesOf(sides)).toEqual([
      { left: half(null), right: half(1) },
      { left: half(2), right: half(null) },
      { left: half(6), right: half(3) },
      { left: half(4), right: half(5) },
    ])
  })

  it('draws each A5 page at full size, where the fold puts it', async () => {
    const pdf = await openPdf(await imposeBooklet(await markedA5(4)))
    const items = await textItems(pdf)
    const gutter = (841.89 / 2 - 419.53) / 2
    // Page 1 is the right half of the first side; its marker keeps its A5 position (40 pt in), moved by half a sheet.
    const marker1 = items.find((i) => i.str === 'Marker page 1')
    expect(marker1?.page).toBe(1)
    expect(marker1?.x).toBeCloseTo(841.89 / 2 + gutter + 40, 1)
    expect(marker1?.size).toBeCloseTo(14, 1)
    const marker4 = items.find((i) => i.str === 'Marker page 4')
    expect(marker4?.page).toBe(1)
    expect(marker4?.x).toBeCloseTo(gutter + 40, 1)
  })

  it('keeps a page count that is already whole sheets, and gives the same bytes each time', async () => {
    const source = await markedA5(8)
    const bytes = await imposeBooklet(source)
    const sides = await halves(bytes)
    expect(sides.map(({ left, right }) => [left, right])).toEqual([
      [half(8), half(1)],
      [half(2), half(7)],
      [half(6), half(3)],
      [half(4), half(5)],
    ])
    expect((await imposeBooklet(source)).equals(bytes)).toBe(true)
  })

  it('asks the print dialog for double-sided, short-edge printing at actual size', async () => {
    const pdf = await openPdf(await imposeBooklet(await markedA5(2)))
    const prefs = await pdf.getViewerPreferences()
    expect(prefs).toMatchObject({ Duplex: 'DuplexFlipShortEdge', PrintScaling: 'None' })
  })

  it("carries the leaflet's title (marked as the A5 booklet), language and content date", async () => {
    const pdf = await openPdf(await imposeBooklet(await markedA5(3)))
    const { info } = await pdf.getMetadata()
    expect(info).toMatchObject({ Title: 'Marked leaflet (A5 booklet)', Language: 'cy', CreationDate: "D:20261101090000Z", ModDate: "D:20261101090000Z" })
  })
})

describe('bookletFileName', () => {
  it('says booklet in the file name, so it is never mistaken for the tagged single-page leaflet', () => {
    expect(bookletFileName('cyber-crime-and-fraud')).toBe('cyber-crime-and-fraud-booklet.pdf')
    expect(bookletFileName('cyber-crime-and-fraud', 'large-print')).toBe('cyber-crime-and-fraud-large-print-booklet.pdf')
  })
})

describe('renderBooklet (seed guide)', () => {
  let view: GuideView
  let a5Pages: string[]
  beforeAll(async () => {
    view = viewGuide(await loadContent(), SEED_GUIDE, SEED_AREA)
    a5Pages = await pageTexts(await openPdf(await renderLeaflet(view, { pageSize: 'A5' })))
  })

  it('renders the leaflet at A5 (not a shrunken A4) and imposes it on A4 landscape sheets in booklet order', async () => {
    const a5 = await openPdf(await renderLeaflet(view, { pageSize: 'A5' }))
    expect((await a5.getPage(1)).view.map(Math.round)).toEqual([0, 0, 420, 595])
    const booklet = await renderBooklet(view)
    expect(booklet.pages).toBe(a5Pages.length)
    expect(booklet.sheets).toBe(bookletPageCount(a5Pages.length) / 4)
    const sides = await halves(booklet.bytes)
    expect(sides.length).toBe(booklet.sheets * 2)
    for (const side of sides) expect(side.size).toEqual([842, 595])
    expect(halvesOf(sides)).toEqual(expectedSides(a5Pages))
    // The front cover (right half of the first side) is the leaflet's first page: its title.
    expect(sides[0]!.right).toContain(view.guide.title)
    // Padding: the page count is made up to whole sheets with empty halves, and no page of the leaflet is lost.
    const empty = sides.flatMap((s) => [s.left, s.right]).filter((t) => t === '').length
    expect(empty).toBe(bookletPageCount(a5Pages.length) - a5Pages.length)
    expect(a5Pages.every((t) => t !== '')).toBe(true)
  })

  it('does the same for large print, and is deterministic', async () => {
    const pages = await pageTexts(await openPdf(await renderLeaflet(view, { format: 'large-print', pageSize: 'A5' })))
    const booklet = await renderBooklet(view, { format: 'large-print' })
    const sides = await halves(booklet.bytes)
    expect(halvesOf(sides)).toEqual(expectedSides(pages))
    expect((await renderBooklet(view, { format: 'large-print' })).bytes.equals(booklet.bytes)).toBe(true)
  })
})
