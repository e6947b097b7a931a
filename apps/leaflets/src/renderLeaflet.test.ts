// The single leaflet read back with pdfjs-dist: reading order, front page, footers, tags, fonts, sizes, QR code,
// determinism, and made-up guides that are long or accented.
import { embeddedSource, loadContent, viewGuide, type Content, type GuideView } from '@signpost/content'
import * as fontkit from 'fontkit'
import { readFileSync } from 'node:fs'
import jsQRModule from 'jsqr'
import { beforeAll, describe, expect, it } from 'vitest'
import { fontFiles } from './fonts.js'
import { leafletFileName } from './format.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { findRole, openPdf, pageTexts, plainText, rawFonts, renderPage, roles, structTrees, textItems, type TextItem } from './testing/pdf.js'

// jsqr is CommonJS with a `default` export; take the function whichever way the loader hands it over.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode

let content: Content
let view: GuideView
let standard: Buffer
let largePrint: Buffer

beforeAll(async () => {
  content = await loadContent()
  view = viewGuide(content, SEED_GUIDE, SEED_AREA)
  standard = await renderLeaflet(view)
  largePrint = await renderLeaflet(view, { format: 'large-print' })
})

/** Asserts each phrase appears in `text` after the one before it. */
function expectInOrder(text: string, phrases: string[]): void {
  let from = 0
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from)
    expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at + phrase.length
  }
}

describe('renderLeaflet (seed guide)', () => {
  it('has every section heading and every phone number, in reading order', async () => {
    const text = plainText(await textItems(await openPdf(standard)))
    const phones = view.organisations.flatMap((o) => o.contactPoints.flatMap((cp) => (cp.kind === 'phone' ? [cp.display] : [])))
    expect(phones).toEqual(['0800 612 6505', '0300 123 2040'])
    expectInOrder(text, [
      view.guide.title,
      view.guide.summary,
      view.firstStep!.text,
      '0300 123 2040',
      'Derbyshire Victim Services',
      '0800 612 6505',
      'Text DVS to 82228',
      ...view.guide.sections.map((s) => s.heading),
      'What you can do',
      'Who can help',
      'Derbyshire Victim Services',
      '0800 612 6505',
      'Text DVS to 82228',
      'www.derbyshirevictimservices.org',
      'Action Fraud',
      '0300 123 2040',
      'www.actionfraud.police.uk',
      'Think Jessica',
      'Get Safe Online',
      'Cyber Streetwise',
      view.guide.url,
    ])
  })

  it('puts the title, first action and the local service with its phone and SMS on the front page', async () => {
    const [front] = await pageTexts(await openPdf(standard))
    for (const s of [
      view.guide.title,
      view.guide.summary,
      view.firstStep!.text,
      '0300 123 2040',
      'Derbyshire Victim Services',
      '0800 612 6505',
      'Text DVS to 82228',
    ]) {
      expect(front).toContain(s)
    }
  })

  it('numbers every page, shows readers the check date in words, and keeps the revision in the small print for staff', async () => {
    const pdf = await openPdf(standard)
    const pages = await pageTexts(pdf)
    expect(pdf.numPages).toBeGreaterThan(1)
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pdf.numPages}`)
      expect(text).toContain('Checked 1 November 2026')
      expect(text).not.toContain('2026-11-01')
    })
    const revision = view.checkedLine.match(/revision ([0-9a-f]{7})$/)?.[1]
    expect(revision).toBeTruthy()
    expect(pages.at(-1)).toContain(`Leaflet revision ${revision}`)
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> }
    expect(info.Keywords).toContain(`revision ${revision}`)
  })

  it('is tagged: H1, H2, P, L and a Figure with alt text naming the URL, links tagged as Link', async () => {
    const trees = await structTrees(await openPdf(standard))
    const found = roles(trees)
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Figure']) expect(found, role).toContain(role)
    const figures = findRole(trees, 'Figure')
    expect(figures.map((f) => f.alt)).toContain(`QR code linking to ${view.guide.url}`)
    expect(findRole(trees, 'H1')).toHaveLength(1)
  })

  it('embeds every font (TrueType from the brand), never a base-14 font', () => {
    for (const bytes of [standard, largePrint]) {
      const fonts = rawFonts(bytes)
      expect(fonts.baseFonts.length).toBeGreaterThan(0)
      for (const name of fonts.baseFonts) expect(name).toMatch(/^[A-Z]{6}\+AtkinsonHyperlegibleNext-(Regular|Bold)$/)
      expect(fonts.subtypes).not.toContain('Type1')
      expect(fonts.descriptors).toBeGreaterThan(0)
      expect(fonts.fontFiles2).toBe(fonts.descriptors)
      expect(bytes.toString('latin1')).not.toMatch(/Helvetica|Times-Roman|Courier/)
    }
  })

  it('sets the language, the title, and shows the title in the window', async () => {
    const pdf = await openPdf(standard)
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> }
    expect(info.Title).toBe(view.guide.title)
    expect(info.Language).toBe('en-GB')
    expect(((await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null)?.DisplayDocTitle).toBe(true)
    expect(info.CreationDate).toBe('D:20261101090000Z')
    expect(standard.toString('latin1')).toMatch(/\/Lang \(en-GB\)/)
    expect(standard.toString('latin1')).toMatch(/\/MarkInfo \d+ 0 R/)
  })

  it('prints the standard format at 12 pt or more (body 14) and large print at 16 pt or more (body 18)', async () => {
    const size = (items: TextItem[]) => items.map((i) => Math.round(i.size * 100) / 100)
    const std = size(await textItems(await openPdf(standard)))
    const large = size(await textItems(await openPdf(largePrint)))
    expect(Math.min(...std)).toBeGreaterThanOrEqual(12)
    expect(Math.min(...large)).toBeGreaterThanOrEqual(16)
    // Body text is the commonest size.
    const mode = (xs: number[]) => [...new Set(xs)].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0]
    expect(mode(std)).toBe(14)
    expect(mode(large)).toBe(18)
    expect((await openPdf(largePrint)).numPages).toBeGreaterThan((await openPdf(standard)).numPages)
  })

  it('has a QR code that decodes to the guide URL', async () => {
    const pdf = await openPdf(standard)
    const { data, width, height } = await renderPage(pdf, pdf.numPages, 3)
    const code = jsQR(data, width, height)
    expect(code?.data).toBe(view.guide.url)
  })

  it('gives byte-identical files for the same content and options', async () => {
    expect((await renderLeaflet(view)).equals(standard)).toBe(true)
    expect((await renderLeaflet(view, { format: 'large-print' })).equals(largePrint)).toBe(true)
    expect(standard.equals(largePrint)).toBe(false)
    expect(standard.toString('latin1')).toMatch(/\(D:20261101090000Z\)/)
  })

  it('with neutral: true, says nothing about the guide in its title, subject, keywords or author (inbox previews)', async () => {
    for (const format of ['standard', 'large-print'] as const) {
      const bytes = await renderLeaflet(view, { format, neutral: true })
      const pdf = await openPdf(bytes)
      const { info, metadata } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { getRaw(): string } | null }
      expect(info.Title).toBe('Information')
      const shown = JSON.stringify([info.Title, info.Subject, info.Keywords, info.Author, metadata?.getRaw() ?? ''])
      for (const word of [view.guide.title, view.guide.summary.slice(0, 30), 'fraud', 'crime', 'victim', view.area.name])
        expect(shown.toLowerCase()).not.toContain(word.toLowerCase())
      // The pages are the same leaflet.
      expect(plainText(await textItems(pdf))).toContain(view.guide.title)
    }
  })

  it('names files by slug and format', () => {
    expect(leafletFileName('cyber-crime-and-fraud', 'standard')).toBe('cyber-crime-and-fraud.pdf')
    expect(leafletFileName('cyber-crime-and-fraud', 'large-print')).toBe('cyber-crime-and-fraud-large-print.pdf')
  })
})

describe('renderLeaflet (made-up guides)', () => {
  const accents = 'Café résumé naïve; Straße Größe; Gdańsk Łódź ą ę ż; Cymraeg ŵ ŷ; Ærø Søren'
  let long: GuideView
  let accented: GuideView

  beforeAll(async () => {
    const file = await writeDataset([
      { slug: 'long-guide', title: 'A very long guide', repeat: 10 },
      { slug: 'accented-guide', title: 'Guide with accents', text: accents, heading: 'Złote rady ŵ' },
    ])
    const c = await loadContent({ source: embeddedSource(file) })
    long = viewGuide(c, 'long-guide', SEED_AREA)
    accented = viewGuide(c, 'accented-guide', SEED_AREA)
  })

  it('flows a guide ten times the seed onto more pages, with no text outside the page or overlapping', async () => {
    for (const format of ['standard', 'large-print'] as const) {
      const seed = await openPdf(await renderLeaflet(view, { format }))
      const pdf = await openPdf(await renderLeaflet(long, { format }))
      expect(pdf.numPages).toBeGreaterThan(seed.numPages * 3)
      const items = await textItems(pdf)
      for (let p = 1; p <= pdf.numPages; p++) {
        const { view: box } = await pdf.getPage(p)
        const [x0, y0, x1, y1] = box as [number, number, number, number]
        const onPage = items.filter((i) => i.page === p)
        for (const i of onPage) {
          expect(i.x, `${i.str} left edge`).toBeGreaterThanOrEqual(x0)
          expect(i.x + i.width, `${i.str} right edge`).toBeLessThanOrEqual(x1)
          expect(i.y - i.size * 0.3, `${i.str} bottom`).toBeGreaterThanOrEqual(y0)
          expect(i.y + i.size, `${i.str} top`).toBeLessThanOrEqual(y1)
        }
        // No two pieces of text share space: boxes from baseline-descent to baseline+ascent.
        for (let a = 0; a < onPage.length; a++) {
          for (let b = a + 1; b < onPage.length; b++) {
            const A = onPage[a]!
            const B = onPage[b]!
            const xOverlap = A.x < B.x + B.width - 0.5 && B.x < A.x + A.width - 0.5
            const yOverlap = A.y - A.size * 0.2 < B.y + B.size * 0.75 && B.y - B.size * 0.2 < A.y + A.size * 0.75
            expect(xOverlap && yOverlap, `"${A.str}" overlaps "${B.str}" on page ${p}`).toBe(false)
          }
        }
      }
      // Every part heading made it into the file.
      const text = plainText(items)
      for (const s of long.guide.sections) expect(text).toContain(s.heading)
    }
  })

  it('renders accented and non-English Latin text with no missing glyph', async () => {
    const pdf = await openPdf(await renderLeaflet(accented))
    const text = plainText(await textItems(pdf))
    expect(text).toContain(accents)
    expect(text).toContain('Złote rady ŵ')
    for (const file of Object.values(fontFiles)) {
      const font = fontkit.create(readFileSync(file))
      for (const ch of new Set(accents.replace(/[\s;]/g, ''))) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${ch} in ${file}`).toBe(true)
    }
  })
})
