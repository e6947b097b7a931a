// Booklet print packs read back with pdfjs-dist: the cover side and its blank back, then every copy of every
// leaflet as its own saddle-stitched set of A4 landscape sheets, each half holding the right A5 page, each closing
// on its back cover with how to get help after any padding blanks.
import { PassThrough } from 'node:stream'
import { embeddedSource, getArea, loadContent, shortRevision, viewGuide, type Area, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { bookletPageCount } from './booklet.js'
import { BLANK_PAGE_TEXT } from './pack.js'
import { renderBookletPack } from './bookletPack.js'
import { renderLeaflet } from './renderLeaflet.js'
import { expectedSides, halvesOf, readingOrder, sheetSides } from './testing/booklet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { openPdf, pageTexts } from './testing/pdf.js'

async function packBytes(views: GuideView[], copies: number, area: Area) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const progress: number[] = []
  const result = await renderBookletPack(
    views.map((view) => ({ view, copies })),
    { area, onProgress: (done) => progress.push(done) },
    out,
  )
  return { bytes: Buffer.concat(chunks), result, progress }
}

describe('renderBookletPack', () => {
  let views: GuideView[]
  let area: Area
  let a5: string[][]

  beforeAll(async () => {
    const file = await writeDataset([{ slug: 'second-guide', title: 'Second guide', repeat: 2 }])
    const content = await loadContent({ source: embeddedSource(file) })
    area = getArea(content, SEED_AREA)
    views = [SEED_GUIDE, 'second-guide'].map((slug) => viewGuide(content, slug, SEED_AREA))
    a5 = await Promise.all(views.map(async (v) => pageTexts(await openPdf(await renderLeaflet(v, { pageSize: 'A5', closingOnOwnPage: true })))))
    // The second guide's booklet needs padding (11 pages on 3 sheets), the seed's does not (8 on 2).
    expect(a5.map((pages) => bookletPageCount(pages.length) - pages.length)).toEqual([0, 1])
  })

  it('packs 2 guides × 2 copies: a cover sheet, then each copy as its own booklet in saddle-stitch order', async () => {
    const { bytes, result, progress } = await packBytes(views, 2, area)
    const sides = await sheetSides(bytes)
    for (const side of sides) expect(side.size).toEqual([842, 595])
    // Nothing runs across the fold of a booklet (the cover sheet, which is not folded, is centred).
    expect(sides.slice(2).flatMap((s) => s.onFold)).toEqual([])

    // Sheet 1: the cover, centred on the front, listing each guide with its revision, pages and sheets.
    const cover = sides[0]!.left + ' ' + sides[0]!.right
    expect(cover).toContain('Print pack for Derbyshire')
    expect(cover).toContain('A5 booklet')
    expect(cover).toContain('flipping on the short edge')
    for (const [i, v] of views.entries()) {
      expect(cover).toContain(v.guide.title)
      expect(cover).toContain(`revision ${shortRevision(v.guide.revision)}`)
      const pages = a5[i]!.length
      const sheets = bookletPageCount(pages) / 4
      expect(cover).toContain(`2 copies, ${pages} pages on ${sheets} sheet${sheets === 1 ? '' : 's'} each`)
    }
    // Its back says it is blank on purpose, so the first booklet starts on a sheet of its own.
    expect(sides[1]!.left + sides[1]!.right).toBe('This page is intentionally blank')

    // Then each copy: exactly the sides of that guide's booklet.
    const expected = [...halvesOf(sides.slice(0, 2)), ...expectedSides(a5[0]!), ...expectedSides(a5[0]!), ...expectedSides(a5[1]!), ...expectedSides(a5[1]!)]
    expect(halvesOf(sides)).toEqual(expected)
    // Each copy closes on its back cover (the left half of its first side) with how to get help; reading it
    // through gives the guide's content pages in order, then any blanks, saying so, then the back cover.
    let at = 2
    for (const pages of [a5[0]!, a5[0]!, a5[1]!, a5[1]!]) {
      const copy = halvesOf(sides.slice(at, at + bookletPageCount(pages.length) / 2))
      expect(copy[0]!.left).toMatch(/^How to get help/)
      const padding = bookletPageCount(pages.length) - pages.length
      expect(readingOrder(copy)).toEqual([...pages.slice(0, -1), ...Array<string>(padding).fill(BLANK_PAGE_TEXT), pages.at(-1)])
      at += copy.length
    }
    expect(at).toBe(sides.length)
    expect(result.pages).toBe(expected.length)
    expect(result.sheets).toBe(expected.length / 2)
    expect(result.leaflets).toBe(4)
    const padding = a5.reduce((n, pages) => n + 2 * (bookletPageCount(pages.length) - pages.length), 0)
    expect(result.blankPages).toBe(padding + 1)
    expect(progress.at(-1)).toBe(expected.length)
  })

  it('embeds each guide once however many copies: each further side costs a few hundred bytes', async () => {
    const one = await packBytes(views.slice(0, 1), 1, area)
    const fifty = await packBytes(views.slice(0, 1), 50, area)
    const sidesPerCopy = one.result.pages - 2
    expect(fifty.result.pages).toBe(2 + 50 * sidesPerCopy)
    const perExtraSide = (fifty.bytes.length - one.bytes.length) / (49 * sidesPerCopy)
    expect(perExtraSide).toBeLessThan(400)
  })

  it('is deterministic', async () => {
    const a = await packBytes(views, 1, area)
    const b = await packBytes(views, 1, area)
    expect(a.bytes.equals(b.bytes)).toBe(true)
  })
})
