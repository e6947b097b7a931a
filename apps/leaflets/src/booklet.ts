// Imposes an A5 leaflet as a saddle-stitched booklet on A4 landscape sheets, so a front desk can print it
// double-sided, fold the sheets in half together and staple them on the fold. The A5 pages are embedded with
// pdf-lib (each page once, as a form XObject) and drawn at the half-sheet positions of the classic booklet order.
// The leaflet's last page (how to get help and the QR code) is always the back cover: the padding blanks that make
// up whole sheets go just before it (before both closing pages, where large print takes two), and each says it is
// blank on purpose.
// The imposed file is for printing only: links and the structure tree stay in the single-page leaflet.
import { Duplex, PDFDocument, PDFHexString, PDFName, PDFString, PrintScaling, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib'
import type { GuideView } from '@signpost/content'
import { collect, createDocument } from './document.js'
import { leafletFileName, type LeafletFormat } from './format.js'
import { closingPageCount } from './layout/leaflet.js'
import { A5 } from './layout/page.js'
import { addBlankPage } from './pack.js'
import { renderLeafletWithLayout } from './renderLeaflet.js'

/** A4 landscape, in points: one sheet side holds two A5 pages side by side. */
export const SHEET = { width: 841.89, height: 595.28 } as const

export const LAYOUTS = ['standard', 'booklet'] as const
export type Layout = (typeof LAYOUTS)[number]

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value)
}

/** `cyber-crime-and-fraud-booklet.pdf`, `cyber-crime-and-fraud-large-print-booklet.pdf`. */
export function bookletFileName(slug: string, format: LeafletFormat = 'standard', lang = 'en'): string {
  return leafletFileName(slug, format, lang).replace(/\.pdf$/, '-booklet.pdf')
}

/** One side of a sheet: the booklet page (1-based) printed on each half, or null where a padding blank goes. */
export type SheetSide = { left: number | null; right: number | null }

/** The page count padded up to a whole number of sheets (four pages each); at least one sheet. */
export function bookletPageCount(pages: number): number {
  if (!Number.isSafeInteger(pages) || pages < 0) throw new RangeError(`A booklet needs a whole number of pages (got ${pages}).`)
  return Math.max(4, Math.ceil(pages / 4) * 4)
}

/**
 * Saddle-stitch order for a leaflet of `pages` pages, padded with blanks to a multiple of four, n: sheet 1 front
 * [n, 1], back [2, n-1]; sheet 2 front [n-2, 3], back [4, n-3]; and so on, front then back for each sheet. The
 * leaflet's last `backPages` pages (its closing block) end the booklet, the last on the back cover; the blanks go
 * between the end of the content and them (6 pages: 1 2 3 4 5 blank blank 6). The backs assume double-sided
 * printing that flips on the short edge (what the file asks the printer for). The numbers are the leaflet's own
 * pages; null is a padding blank.
 */
export function saddleStitchSides(pages: number, backPages = 1): SheetSide[] {
  const n = bookletPageCount(pages)
  if (!Number.isSafeInteger(backPages) || backPages < 0) throw new RangeError(`A booklet's back pages must be a whole number (got ${backPages}).`)
  const front = Math.max(1, pages - backPages) // pages 1..front open the booklet; the front cover is never moved
  const page = (p: number) => (p <= front ? (p <= pages ? p : null) : p > n - (pages - front) ? p - (n - pages) : null)
  const sides: SheetSide[] = []
  for (let sheet = 0; sheet < n / 4; sheet++) {
    sides.push({ left: page(n - 2 * sheet), right: page(1 + 2 * sheet) })
    sides.push({ left: page(2 + 2 * sheet), right: page(n - 1 - 2 * sheet) })
  }
  return sides
}

/** Draws `page` into the left or right half of `side`, scaled to fit (A5 fits exactly) and centred in the half. */
function drawHalf(side: PDFPage, page: PDFEmbeddedPage, half: 'left' | 'right'): void {
  const halfWidth = SHEET.width / 2
  const scale = Math.min(halfWidth / page.width, SHEET.height / page.height)
  const width = page.width * scale
  const height = page.height * scale
  const x = (half === 'left' ? 0 : halfWidth) + (halfWidth - width) / 2
  side.drawPage(page, { x, y: (SHEET.height - height) / 2, width, height })
}

/**
 * Adds the sheet sides of one booklet made of `pages` (the A5 pages in reading order) to `out`, drawing `blank`
 * (see embedBlankPage) for each padding page.
 */
export function addBookletSides(out: PDFDocument, pages: PDFEmbeddedPage[], blank: PDFEmbeddedPage, backPages = 1): void {
  for (const { left, right } of saddleStitchSides(pages.length, backPages)) {
    const side = out.addPage([SHEET.width, SHEET.height])
    drawHalf(side, left === null ? blank : pages[left - 1]!, 'left')
    drawHalf(side, right === null ? blank : pages[right - 1]!, 'right')
  }
}

/**
 * A booklet's padding page, embedded in `out` once for every booklet in it: "This page is intentionally blank",
 * drawn by the print pack's own addBlankPage (brand font at body size, a Pagination artifact), so nobody at the
 * desk takes it for a misprint.
 */
export async function embedBlankPage(out: PDFDocument, format: LeafletFormat, size: [number, number] = [A5.width, A5.height]): Promise<PDFEmbeddedPage> {
  const doc = createDocument({ title: 'Blank page', lang: 'en-GB', date: new Date(0) })
  const bytes = collect(doc)
  addBlankPage(doc, format, size)
  doc.end()
  const [page] = await out.embedPdf(await bytes, [0])
  if (!page) throw new Error('The blank booklet page came out with no page.')
  return page
}

/**
 * Adds pages two to a side in reading order (left then right), not for folding: a pack's cover sheet. A last page
 * on its own is centred on its side.
 */
export function addTwoUpSides(out: PDFDocument, pages: PDFEmbeddedPage[]): void {
  for (let i = 0; i < pages.length; i += 2) {
    const [left, right] = [pages[i], pages[i + 1]]
    const side = out.addPage([SHEET.width, SHEET.height])
    if (left && right) {
      drawHalf(side, left, 'left')
      drawHalf(side, right, 'right')
    } else if (left) {
      side.drawPage(left, { x: (SHEET.width - left.width) / 2, y: (SHEET.height - left.height) / 2 })
    }
  }
}

export type PrintMeta = { title: string; lang: string; subject?: string; keywords?: string; author?: string; date: Date }

/**
 * A new document for imposed sheets, with the leaflet's metadata and no clock-derived field (the same content
 * gives the same bytes), asking the print dialog for double-sided, short-edge, actual-size printing.
 */
export async function createPrintDocument(meta: PrintMeta): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false })
  out.setTitle(meta.title, { showInWindowTitleBar: true })
  out.setLanguage(meta.lang)
  if (meta.subject) out.setSubject(meta.subject)
  if (meta.keywords) out.setKeywords([meta.keywords])
  if (meta.author) out.setAuthor(meta.author)
  out.setCreator('Signpost leaflets')
  out.setProducer('pdf-lib')
  out.setCreationDate(meta.date)
  out.setModificationDate(meta.date)
  const prefs = out.catalog.getOrCreateViewerPreferences()
  prefs.setDuplex(Duplex.DuplexFlipShortEdge)
  prefs.setPrintScaling(PrintScaling.None)
  return out
}

/** Reads the metadata a leaflet PDF carries, to give its booklet the same. */
export async function printMetaOf(leaflet: PDFDocument): Promise<PrintMeta> {
  const lang = leaflet.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)
  return {
    title: leaflet.getTitle() ?? 'Leaflet',
    lang: lang?.decodeText() ?? 'en-GB',
    subject: leaflet.getSubject(),
    keywords: leaflet.getKeywords(),
    author: leaflet.getAuthor(),
    date: leaflet.getModificationDate() ?? leaflet.getCreationDate() ?? new Date(0),
  }
}

/**
 * The booklet for one A5 leaflet PDF: its pages imposed on A4 landscape sheets, padded to whole sheets with blanks
 * before its last `backPages` pages (default 1: the back cover); `format` sets the size of the blanks' words. Its
 * title says "(A5 booklet)", so a print queue tells it from the single-page leaflet.
 */
export async function imposeBooklet(leafletPdf: Uint8Array, options: { format?: LeafletFormat; backPages?: number } = {}): Promise<Buffer> {
  const leaflet = await PDFDocument.load(leafletPdf, { updateMetadata: false })
  const meta = await printMetaOf(leaflet)
  const out = await createPrintDocument({ ...meta, title: `${meta.title} (A5 booklet)` })
  const pages = await out.embedPages(leaflet.getPages())
  const size: [number, number] = pages[0] ? [pages[0].width, pages[0].height] : [A5.width, A5.height]
  addBookletSides(out, pages, await embedBlankPage(out, options.format ?? 'standard', size), options.backPages)
  return Buffer.from(await out.save())
}

export type Booklet = {
  bytes: Buffer
  /** A5 pages of the leaflet, before padding. */
  pages: number
  sheets: number
  /** The leaflet's last pages, its closing block (how to get help, the QR code), which end the booklet after any padding. */
  backPages: number
}

/** A guide's leaflet rendered at A5, how to get help and the QR code on a last page of their own, imposed as a booklet. */
export async function renderBooklet(view: GuideView, options: { format?: LeafletFormat } = {}): Promise<Booklet> {
  const format = options.format ?? 'standard'
  const { bytes: a5, layout } = await renderLeafletWithLayout(view, { format, pageSize: 'A5', closingOnOwnPage: true })
  const backPages = closingPageCount(layout)
  const pages = layout.pageCount
  return { bytes: await imposeBooklet(a5, { format, backPages }), pages, sheets: bookletPageCount(pages) / 4, backPages }
}
