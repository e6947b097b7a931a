// Print packs read back with pdfjs-dist: the cover, each copy on an odd page with blank backs, tags, determinism.
import { PassThrough } from 'node:stream'
import { embeddedSource, getArea, loadContent, shortRevision, viewGuide, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderPack } from './pack.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { findRole, openPdf, pageTexts, structTrees } from './testing/pdf.js'

async function packBytes(views: GuideView[], copies: number, area: Parameters<typeof renderPack>[1]['area']) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const progress: number[] = []
  const result = await renderPack(
    views.map((view) => ({ view, copies })),
    { area, onProgress: (done) => progress.push(done) },
    out,
  )
  return { bytes: Buffer.concat(chunks), result, progress }
}

describe('renderPack', () => {
  let views: GuideView[]
  let area: ReturnType<typeof getArea>

  beforeAll(async () => {
    const file = await writeDataset([
      { slug: 'second-guide', title: 'Second guide', text: 'A little more text to make this guide a different length. '.repeat(8) },
      { slug: 'third-guide', title: 'Third guide', repeat: 2 },
    ])
    const content = await loadContent({ source: embeddedSource(file) })
    area = getArea(content, SEED_AREA)
    views = [SEED_GUIDE, 'second-guide', 'third-guide'].map((slug) => viewGuide(content, slug, SEED_AREA))
  })

  it('packs 3 guides × 2 copies: a cover, then each copy starting on an odd page', async () => {
    const { bytes, result, progress } = await packBytes(views, 2, area)
    const pdf = await openPdf(bytes)
    const pages = await pageTexts(pdf)

    // The cover lists every leaflet with its revision and copies.
    const cover = pages[0]!
    expect(cover).toContain('Print pack for Derbyshire')
    for (const v of views) {
      expect(cover).toContain(v.guide.title)
      expect(cover).toContain(`revision ${shortRevision(v.guide.revision)}`)
    }
    expect(cover).toContain('2 copies')

    // Expected pages: each leaflet's own page count, padded to start on odd pages.
    const counts = await Promise.all(views.map(async (v) => (await openPdf(await renderLeaflet(v))).numPages))
    let expected = 1
    const starts: number[] = []
    for (const [i] of views.entries()) {
      for (let c = 0; c < 2; c++) {
        if (expected % 2 === 1) expected++
        starts.push(expected + 1)
        expected += counts[i]!
      }
    }
    expect(pdf.numPages).toBe(expected)
    expect(result.pages).toBe(expected)
    expect(result.leaflets).toBe(6)
    expect(progress.at(-1)).toBe(expected)

    // Each copy's first page is where we expect, odd, and says "Page 1 of n" with the guide's title.
    const firstPages = pages.flatMap((text, i) => (/Page 1 of \d+/.test(text) && i > 0 ? [i + 1] : []))
    expect(firstPages).toEqual(starts)
    for (const p of firstPages) expect(p % 2).toBe(1)
    starts.forEach((p, i) => expect(pages[p - 1]).toContain(views[Math.floor(i / 2)]!.guide.title))
    // Padding pages say they are blank on purpose, and say nothing else.
    const used = new Set<number>([1])
    starts.forEach((p, i) => {
      for (let k = 0; k < counts[Math.floor(i / 2)]!; k++) used.add(p + k)
    })
    const padding = pages.flatMap((text, i) => (used.has(i + 1) ? [] : [text]))
    expect(padding.length).toBe(result.blankPages)
    expect(padding.length).toBeGreaterThan(0)
    for (const text of padding) expect(text).toBe('This page is intentionally blank')
  })

  it('tags the cover and every copy', async () => {
    const { bytes } = await packBytes(views.slice(0, 1), 2, area)
    const pdf = await openPdf(bytes)
    const trees = await structTrees(pdf)
    expect(findRole(trees, 'H1').length).toBe(3) // cover + 2 copies
    // The blank back of the cover (page 2) says so as a page artifact: nothing on it is in the structure tree.
    expect((await pageTexts(pdf))[1]).toBe('This page is intentionally blank')
    expect(await (await pdf.getPage(2)).getStructTree()).toEqual({ role: 'Root', children: [] })
    expect(findRole(trees, 'Sect').length).toBeGreaterThanOrEqual(2) // pdfjs gives one pruned tree per page
    // Each copy carries the service's logo on its cover and the QR code on its back page.
    const logoAlt = views[0]!.settings.identity.logo?.alt
    expect(logoAlt).toBeTruthy()
    expect(findRole(trees, 'Figure').map((f) => f.alt)).toEqual([
      logoAlt,
      `QR code linking to ${views[0]!.guide.url}`,
      logoAlt,
      `QR code linking to ${views[0]!.guide.url}`,
    ])
  })

  it('is deterministic', async () => {
    const a = await packBytes(views, 1, area)
    const b = await packBytes(views, 1, area)
    expect(a.bytes.equals(b.bytes)).toBe(true)
  })
})
