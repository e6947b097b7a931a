// Booklets read back with pdfjs-dist: A4 landscape sheet sides, each half holding the A5 page that saddle-stitch
// order puts there (found by the text printed on it), padding blanks (saying so) just before the back cover where
// the page count falls short of whole sheets, and the back cover closing with how to get help and the QR code.
import { embeddedSource, loadContent, viewGuide, type GuideView } from '@signpost/content'
import jsQRModule from 'jsqr'
import { beforeAll, describe, expect, it } from 'vitest'
import { bookletFileName, bookletPageCount, imposeBooklet, renderBooklet, saddleStitchSides } from './booklet.js'
import { collect, createDocument } from './document.js'
import { typeScale } from './format.js'
import { CLOSING_HEADING, closingPageCount, layoutLeaflet } from './layout/leaflet.js'
import type { StructNode } from './layout/types.js'
import { BLANK_PAGE_TEXT } from './pack.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { expectedSides, halvesOf, readingOrder, sheetSides, type Side } from './testing/booklet.js'
import { openPdf, pageTexts, renderPage, textItems } from './testing/pdf.js'

// jsqr is CommonJS with a `default` export; take the function whichever way the loader hands it over.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode

/** The QR code on the left half of a sheet side (rendered with pdfjs), decoded; null if there is none. */
async function qrOnLeftHalf(bytes: Buffer, side: number): Promise<string | null> {
  const { data, width, height } = await renderPage(await openPdf(bytes), side, 3)
  const half = Math.floor(width / 2)
  const left = new Uint8ClampedArray(half * height * 4)
  for (let y = 0; y < height; y++) left.set(data.subarray(y * width * 4, (y * width + half) * 4), y * half * 4)
  return jsQR(left, half, height)?.data ?? null
}

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

const half = (k: number | null) => (k === null ? BLANK_PAGE_TEXT : `Marker page ${k} end ${k}`)

describe('saddleStitchSides', () => {
  it('puts an 8-page booklet in the classic order, front then back of each sheet', () => {
    expect(saddleStitchSides(8)).toEqual([
      { left: 8, right: 1 },
      { left: 2, right: 7 },
      { left: 6, right: 3 },
      { left: 4, right: 5 },
    ])
  })

  it('pads to whole sheets of four pages with blanks just before the last page, which stays the back cover', () => {
    expect(bookletPageCount(1)).toBe(4)
    expect(bookletPageCount(4)).toBe(4)
    expect(bookletPageCount(5)).toBe(8)
    // 6 pages read 1 2 3 4 5 blank blank 6: page 6 (how to get help) is the back cover, left of the first side.
    expect(saddleStitchSides(6)).toEqual([
      { left: 6, right: 1 },
      { left: 2, right: null },
      { left: null, right: 3 },
      { left: 4, right: 5 },
    ])
    // A one-page leaflet is its own front cover.
    expect(saddleStitchSides(1)).toEqual([
      { left: null, right: 1 },
      { left: null, right: null },
    ])
    // Large print on A5 closes over two pages: 14 pages read 1 … 12 blank blank 13 14.
    expect(readingOrder(saddleStitchSides(14, 2))).toEqual([...Array.from({ length: 12 }, (_, i) => i + 1), null, null, 13, 14])
  })

  it('reads every page once, in order, with the blanks between the content and the back pages', () => {
    for (let pages = 1; pages <= 41; pages++) {
      for (const back of [0, 1, 2, 3]) {
        const n = bookletPageCount(pages)
        const sides = saddleStitchSides(pages, back)
        expect(sides.length).toBe(n / 2)
        const front = Math.max(1, pages - back)
        const want = [
          ...Array.from({ length: front }, (_, i) => i + 1),
          ...Array<null>(n - pages).fill(null),
          ...Array.from({ length: pages - front }, (_, i) => front + i + 1),
        ]
        expect(readingOrder(sides), `${pages} pages, ${back} back`).toEqual(want)
      }
    }
  })

  it('refuses a page count that is not a whole number', () => {
    expect(() => saddleStitchSides(2.5)).toThrow('A booklet needs a whole number of pages (got 2.5).')
    expect(() => saddleStitchSides(-1)).toThrow(/got -1/)
  })
})

describe('imposeBooklet', () => {
  it('prints a 6-page A5 leaflet on 2 A4 landscape sheets, pages in saddle-stitch order, two blanks before the back cover', async () => {
    const sides = await halves(await imposeBooklet(await markedA5(6)))
    expect(sides.map((s) => s.size)).toEqual(Array(4).fill([842, 595]))
    expect(halvesOf(sides)).toEqual([
      { left: half(6), right: half(1) },
      { left: half(2), right: half(null) },
      { left: half(null), right: half(3) },
      { left: half(4), right: half(5) },
    ])
    expect(readingOrder(halvesOf(sides))).toEqual([1, 2, 3, 4, 5, null, null, 6].map(half))
  })

  it('writes the blank words centred on the blank A5 half, at body size, in the brand font', async () => {
    const pdf = await openPdf(await imposeBooklet(await markedA5(3)))
    const items = (await textItems(pdf)).filter((i) => i.str === BLANK_PAGE_TEXT)
    // 3 pages read 1 2 blank 3: the blank is booklet page 3, the right half of the second side.
    expect(items.map((i) => i.page)).toEqual([2])
    const blank = items[0]!
    expect(blank.x + blank.width / 2).toBeCloseTo(841.89 * 0.75, 0)
    expect(blank.size).toBeCloseTo(typeScale('standard').body, 1)
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
    expect(info).toMatchObject({ Title: 'Marked leaflet (A5 booklet)', Language: 'cy', CreationDate: 'D:20261101090000Z', ModDate: 'D:20261101090000Z' })
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
    a5Pages = await pageTexts(await openPdf(await renderLeaflet(view, { pageSize: 'A5', closingOnOwnPage: true })))
  })

  it('renders the leaflet at A5 (not a shrunken A4) and imposes it on A4 landscape sheets in booklet order', async () => {
    const a5 = await openPdf(await renderLeaflet(view, { pageSize: 'A5' }))
    expect((await a5.getPage(1)).view.map(Math.round)).toEqual([0, 0, 420, 595])
    const booklet = await renderBooklet(view)
    expect(booklet.pages).toBe(a5Pages.length)
    expect(booklet.backPages).toBe(1)
    expect(booklet.sheets).toBe(bookletPageCount(a5Pages.length) / 4)
    const sides = await halves(booklet.bytes)
    expect(sides.length).toBe(booklet.sheets * 2)
    for (const side of sides) expect(side.size).toEqual([842, 595])
    expect(halvesOf(sides)).toEqual(expectedSides(a5Pages))
    // The front cover (right half of the first side) is the leaflet's first page: its title.
    expect(sides[0]!.right).toContain(view.guide.title)
    // The back cover (left half of the first side) closes with how to get help.
    expect(sides[0]!.left).toMatch(/^How to get help/)
    // Padding: the page count is made up to whole sheets with blanks that say so, and no page of the leaflet is lost.
    const blanks = sides.flatMap((s) => [s.left, s.right]).filter((t) => t === BLANK_PAGE_TEXT).length
    expect(blanks).toBe(bookletPageCount(a5Pages.length) - a5Pages.length)
    expect(a5Pages.every((t) => t !== '' && t !== BLANK_PAGE_TEXT)).toBe(true)
  })

  it('does the same for large print, whose closing takes two pages: both end the booklet, after the blanks', async () => {
    const pages = await pageTexts(await openPdf(await renderLeaflet(view, { format: 'large-print', pageSize: 'A5', closingOnOwnPage: true })))
    const booklet = await renderBooklet(view, { format: 'large-print' })
    expect(booklet.backPages).toBe(2)
    const sides = await halves(booklet.bytes)
    expect(halvesOf(sides)).toEqual(expectedSides(pages, 2))
    const order = readingOrder(halvesOf(sides))
    const help = order.findIndex((t) => t.startsWith('How to get help'))
    expect(order.slice(help + 1).filter((t) => t === BLANK_PAGE_TEXT)).toEqual([])
    expect(order.at(-1)).toContain('Read this guide online')
    expect(await qrOnLeftHalf(booklet.bytes, 1)).toBe(view.guide.url)
    expect((await renderBooklet(view, { format: 'large-print' })).bytes.equals(booklet.bytes)).toBe(true)
  })
})

describe('renderBooklet (a guide whose A5 leaflet is not whole sheets)', () => {
  let view: GuideView
  let a5: string[]
  let booklet: Awaited<ReturnType<typeof renderBooklet>>
  beforeAll(async () => {
    const file = await writeDataset([{ slug: 'longer-guide', title: 'Longer guide', text: 'More words here. '.repeat(100) }])
    view = viewGuide(await loadContent({ source: embeddedSource(file) }), 'longer-guide', SEED_AREA)
    a5 = await pageTexts(await openPdf(await renderLeaflet(view, { pageSize: 'A5', closingOnOwnPage: true })))
    booklet = await renderBooklet(view)
  })

  it('closes on its back cover with how to get help and the QR code, the blanks just before it', async () => {
    expect(a5.length % 4).not.toBe(0)
    expect(booklet.pages).toBe(a5.length)
    const sides = await halves(booklet.bytes)
    expect(sides.length).toBe(booklet.sheets * 2)
    // The back cover is the left half of the first side: how to get help, the numbers, the QR code.
    const back = sides[0]!.left
    expect(back).toMatch(/^How to get help If you are in immediate danger, call 999\./)
    expect(back).toContain('0300 123 2040')
    expect(back).toContain('Read this guide online')
    expect(back).toContain(`Page ${a5.length} of ${a5.length}`)
    expect(await qrOnLeftHalf(booklet.bytes, 1)).toBe(view.guide.url)
    expect(sides[0]!.right).toContain('Longer guide')

    // Turning the pages: the content in its own order, then the blanks saying so, then the back cover.
    const padding = bookletPageCount(a5.length) - a5.length
    expect(padding).toBeGreaterThan(0)
    expect(readingOrder(halvesOf(sides))).toEqual([...a5.slice(0, -1), ...Array<string>(padding).fill(BLANK_PAGE_TEXT), a5.at(-1)])
    expect(halvesOf(sides)).toEqual(expectedSides(a5))
  })
})

describe('closingOnOwnPage', () => {
  const pagesOf = (node: StructNode): number[] => node.children.flatMap((c) => ('ops' in c ? [c.page] : pagesOf(c)))

  it('starts how to get help on a page of its own even where it would fit under the end of the content', async () => {
    // A short guide (three sections, no organisations) on A4: the closing fits at the foot of its last page.
    const full = viewGuide(await loadContent(), SEED_GUIDE, SEED_AREA)
    const view = { ...full, organisations: [], guide: { ...full.guide, sections: full.guide.sections.slice(0, 3) } }
    const pages = (closingOnOwnPage: boolean) => {
      const layout = layoutLeaflet(view, 'standard', { closingOnOwnPage })
      const help = layout.nodes.findIndex((n) => n.bookmark === CLOSING_HEADING)
      expect(help).toBeGreaterThan(0)
      const content = layout.nodes.slice(0, help).flatMap(pagesOf)
      const closing = layout.nodes.slice(help).flatMap(pagesOf)
      return { count: layout.pageCount, lastContent: Math.max(...content), firstClosing: Math.min(...closing), backPages: closingPageCount(layout) }
    }
    const shared = pages(false)
    expect(shared.firstClosing).toBe(shared.lastContent)
    const own = pages(true)
    expect(own).toEqual({ count: shared.count + 1, lastContent: shared.lastContent, firstClosing: shared.lastContent + 1, backPages: 1 })
  })
})
