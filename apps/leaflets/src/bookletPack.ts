// A station's print pack as A5 booklets: a cover sheet, then every copy of every leaflet as its own saddle-stitched
// booklet on A4 landscape sheets, so the desk prints the file double-sided once, then folds and staples each set.
// Each guide is rendered at A5 and embedded once; every copy draws the same embedded pages again, so a pack of
// 500 copies stays small. The pack is for printing: the tagged, linked leaflets are the single-page files.
import type { Writable } from 'node:stream'
import { shortRevision, type GuideView } from '@signpost/content'
import { PDFDocument, type PDFEmbeddedPage } from 'pdf-lib'
import { addBookletSides, addTwoUpSides, bookletPageCount, createPrintDocument, embedBlankPage, SHEET } from './booklet.js'
import { collect, contentDate, createDocument } from './document.js'
import { drawLeaflet } from './draw.js'
import { addBlankPage, layoutCover, plural, type PackEntry, type PackOptions, type PackResult } from './pack.js'
import { closingPageCount } from './layout/leaflet.js'
import { renderLeafletWithLayout } from './renderLeaflet.js'

/** Writes the booklet pack to `out` and resolves once every byte has been handed to it. */
export async function renderBookletPack(entries: PackEntry[], options: PackOptions, out: Writable): Promise<PackResult> {
  const format = options.format ?? 'standard'
  const doc = await createPrintDocument({
    title: `Print pack for ${options.area.name} (A5 booklets)`,
    lang: 'en-GB',
    subject: `${entries.length} leaflets, ${format}, as A5 booklets`,
    author: entries[0]?.view.settings.siteName,
    keywords: entries.map(({ view }) => `${view.guide.slug} ${shortRevision(view.guide.revision)}`).join('; '),
    date: contentDate(...entries.flatMap(({ view }) => [view.guide.updatedAt, view.guide.reviewedAt])),
  })
  // Each guide's A5 pages (how to get help and the QR code on the last, the back cover), embedded once; and the
  // padding blank, put before each back cover.
  const blank = await embedBlankPage(doc, format)
  const leaflets = new Map<string, { pages: PDFEmbeddedPage[]; backPages: number }>()
  for (const { view } of entries) {
    if (leaflets.has(view.guide.id)) continue
    const { bytes, layout } = await renderLeafletWithLayout(view, { format, pageSize: 'A5', closingOnOwnPage: true })
    const a5 = await PDFDocument.load(bytes, { updateMetadata: false })
    leaflets.set(view.guide.id, { pages: await doc.embedPages(a5.getPages()), backPages: closingPageCount(layout) })
  }
  const pagesOf = (view: GuideView) => leaflets.get(view.guide.id)?.pages ?? []
  const sheetsOf = (view: GuideView) => bookletPageCount(pagesOf(view).length) / 4

  const cover = await renderCover(entries, options, (view) => `${plural(pagesOf(view).length, 'page')} on ${plural(sheetsOf(view), 'sheet')}`)
  const coverPages = await doc.embedPages(cover.getPages())
  const noticePage = coverPages.pop() // the cover document ends with its "intentionally blank" side
  if (!noticePage) throw new Error('The pack cover came out with no pages.')
  const coverSides = Math.ceil(coverPages.length / 2)
  const notice = coverSides % 2 === 1 // the cover's last sheet would otherwise have an empty back

  const copySides = entries.reduce((n, { view, copies }) => n + copies * sheetsOf(view) * 2, 0)
  const total = coverSides + (notice ? 1 : 0) + copySides
  const padding = entries.reduce((n, { view, copies }) => n + copies * (bookletPageCount(pagesOf(view).length) - pagesOf(view).length), 0)
  let done = 0
  const tick = (sides: number) => {
    for (let i = 0; i < sides; i++) options.onProgress?.(++done, total)
  }

  addTwoUpSides(doc, coverPages)
  if (notice) doc.addPage([SHEET.width, SHEET.height]).drawPage(noticePage)
  tick(coverSides + (notice ? 1 : 0))
  for (const { view, copies } of entries) {
    for (let c = 0; c < copies; c++) {
      addBookletSides(doc, pagesOf(view), blank, leaflets.get(view.guide.id)?.backPages)
      tick(sheetsOf(view) * 2)
    }
  }

  const bytes = await doc.save()
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject)
    out.end(bytes, () => resolve())
  })
  return { leaflets: entries.reduce((n, e) => n + e.copies, 0), pages: total, blankPages: padding + (notice ? 1 : 0), sheets: total / 2 }
}

/** The cover at A5 (one or more pages), then a whole A4 landscape page saying it is intentionally blank. */
async function renderCover(entries: PackEntry[], options: PackOptions, describe: (view: GuideView) => string): Promise<PDFDocument> {
  const format = options.format ?? 'standard'
  const layout = layoutCover(entries, {
    area: options.area,
    format,
    size: 'A5',
    instructions:
      'Each leaflet is an A5 booklet: print this file double-sided, flipping on the short edge, at actual size; then fold each leaflet’s sheets in half together and staple them on the fold.',
    describe,
  })
  const doc = createDocument({ title: `Print pack for ${options.area.name}`, lang: 'en-GB', date: new Date(0) })
  const bytes = collect(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  drawLeaflet(doc, root, layout, format)
  root.end()
  addBlankPage(doc, format, [SHEET.width, SHEET.height])
  doc.end()
  return PDFDocument.load(await bytes, { updateMetadata: false })
}
