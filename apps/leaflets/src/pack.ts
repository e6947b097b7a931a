// A station's print pack: one tagged PDF with a cover sheet, then every leaflet repeated, each copy starting on an
// odd page so double-sided printing never puts two leaflets on one sheet. Each guide is laid out once.
import type { Writable } from 'node:stream'
import { shortRevision, type Area, type GuideView } from '@signpost/content'
import { contentDate, createDocument } from './document.js'
import { addPage, drawLeaflet } from './draw.js'
import { measure } from './fonts.js'
import { typeScale, type LeafletFormat } from './format.js'
import { Flow } from './layout/flow.js'
import { layoutLeaflet } from './layout/leaflet.js'
import { loadLogo } from './logo.js'
import { pageGeometry, type PageSizeName } from './layout/page.js'
import type { LeafletLayout } from './layout/types.js'

export type PackEntry = { view: GuideView; copies: number }
export type PackOptions = {
  area: Area
  format?: LeafletFormat
  /** Called after each page is drawn, with pages done and the pack's total. */
  onProgress?: (pagesDone: number, totalPages: number) => void
}
export type PackResult = {
  leaflets: number
  /** Pages of the PDF (sheet sides, for booklets). */
  pages: number
  /** Blank pages added for double-sided printing (for booklets: blank A5 pages and blank sides). */
  blankPages: number
  /** Sheets of paper, for booklets. */
  sheets?: number
}

/** Writes the pack to `out` and resolves once every byte has been handed to it. */
export async function renderPack(entries: PackEntry[], options: PackOptions, out: Writable): Promise<PackResult> {
  const format = options.format ?? 'standard'
  const layouts = new Map<string, LeafletLayout>()
  for (const { view } of entries) {
    if (!layouts.has(view.guide.id)) layouts.set(view.guide.id, layoutLeaflet(view, format, { logo: await loadLogo(view.settings.identity) }))
  }
  const layoutOf = (view: GuideView) => layouts.get(view.guide.id)!
  const cover = layoutCover(entries, {
    area: options.area,
    format,
    instructions: 'Print double-sided: every leaflet starts on a new sheet.',
    describe: (view) => plural(layoutOf(view).pageCount, 'page'),
  })

  // Plan every copy up front (where a blank back page goes so each copy starts on an odd page), so progress and
  // the summary have totals and the drawing below just follows the plan.
  const plan: Array<{ view: GuideView; copy: number; copies: number; blankBefore: boolean }> = []
  let total = cover.pageCount
  for (const { view, copies } of entries) {
    for (let c = 0; c < copies; c++) {
      const blankBefore = total % 2 === 1
      plan.push({ view, copy: c + 1, copies, blankBefore })
      total += (blankBefore ? 1 : 0) + layoutOf(view).pageCount
    }
  }
  const blankPages = plan.filter((p) => p.blankBefore).length

  // The cover sheet is for the station's staff, in English; each leaflet is tagged with its own language.
  const doc = createDocument({
    title: `Print pack for ${options.area.name}`,
    lang: 'en-GB',
    shapingLang: shapingLanguageOf(entries),
    subject: `${entries.length} leaflets, ${format}`,
    author: entries[0]?.view.settings.siteName,
    keywords: entries.map(({ view }) => `${view.guide.slug} ${shortRevision(view.guide.revision)}`).join('; '),
    date: contentDate(...entries.flatMap(({ view }) => [view.guide.updatedAt, view.guide.reviewedAt])),
  })
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
    doc.on('error', reject)
  })
  doc.pipe(out)

  let done = 0
  const tick = () => options.onProgress?.(++done, total)
  const root = doc.struct('Document')
  doc.addStructure(root)
  drawLeaflet(doc, root, cover, format, tick)
  for (const { view, copy, copies, blankBefore } of plan) {
    if (blankBefore) {
      addBlankPage(doc, format) // back of the previous sheet
      tick()
    }
    const section = doc.struct('Sect', { title: `${view.guide.title}, copy ${copy} of ${copies}`, lang: view.language.tag })
    root.add(section)
    drawLeaflet(doc, section, layoutOf(view), format, tick)
    section.end()
  }
  root.end()
  doc.end()
  await finished
  return { leaflets: plan.length, pages: total, blankPages }
}

/** The language Arabic-script text of a pack is shaped in: its first right-to-left leaflet's. */
export function shapingLanguageOf(entries: PackEntry[]): string | undefined {
  return entries.find((e) => e.view.language.dir === 'rtl')?.view.language.tag
}

export const BLANK_PAGE_TEXT = 'This page is intentionally blank'

/**
 * The back of a sheet left empty so the next leaflet starts on a new sheet. It says so, so that nobody at the
 * desk takes it for a misprint; the words are a page artifact, not content, so screen readers skip them.
 */
export function addBlankPage(doc: ReturnType<typeof createDocument>, format: LeafletFormat, size?: [number, number]): void {
  if (size) doc.addPage({ size, margin: 0 })
  else addPage(doc)
  const fontSize = typeScale(format).body
  const { width, height } = doc.page
  doc.markContent('Artifact', { type: 'Pagination' })
  doc.font('regular').fontSize(fontSize)
  doc.text(BLANK_PAGE_TEXT, (width - doc.widthOfString(BLANK_PAGE_TEXT)) / 2, height / 2 - fontSize, { lineBreak: false })
  doc.endMarkedContent()
}

export type CoverOptions = {
  area: Area
  format: LeafletFormat
  /** The page size of the cover (A5 when the pack is printed as booklets). */
  size?: PageSizeName
  /** How to print the pack, after the number of leaflets. */
  instructions: string
  /** What one copy of a leaflet is, e.g. "4 pages". */
  describe: (view: GuideView) => string
}

/** "1 page", "4 pages". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The cover sheet: which leaflets are in the pack, their revisions, copies and pages. */
export function layoutCover(entries: PackEntry[], options: CoverOptions): LeafletLayout {
  const { area, format } = options
  const type = typeScale(format)
  const flow = new Flow(pageGeometry(type, options.size), type, measure())
  const copies = entries.reduce((n, e) => n + e.copies, 0)
  flow.text(flow.element(null, 'H1'), [{ text: `Print pack for ${area.name}` }], { size: type.h1, bold: true })
  flow.space(type.body * 0.6)
  flow.text(
    flow.element(null, 'P'),
    [
      {
        text: `${copies} leaflets (${format === 'large-print' ? 'large print' : 'standard print'}). ${options.instructions} Check the revision in each leaflet's small print, on its last page, matches this list.`,
      },
    ],
    { size: type.body },
  )
  flow.space(type.body)
  const list = flow.element(null, 'L')
  entries.forEach(({ view, copies }, i) => {
    const li = flow.element(list, 'LI')
    flow.ensure(flow.lineHeight(type.body) * 2)
    const lbl = flow.element(li, 'Lbl')
    flow.label(lbl, { x: flow.geo.left, y: flow.y, text: `${i + 1}.`, font: 'regular', size: type.body })
    const body = flow.element(li, 'LBody')
    const indent = flow.measure.width(`${entries.length}.`, 'regular', type.body) + type.body * 0.6
    flow.text(
      body,
      [
        // The title in its own language (an Urdu title reads right to left inside the English line).
        { text: view.guide.title, bold: true, ...(view.language.code !== 'en' ? { lang: view.language.tag } : {}) },
        {
          text: `${view.language.code !== 'en' ? ` (${view.language.name})` : ''}: ${copies} ${copies === 1 ? 'copy' : 'copies'}, ${options.describe(view)} each. ${view.checkedLine}.`,
        },
      ],
      { size: type.body, indent },
    )
    flow.space(type.body * 0.4)
  })
  return flow.finish(`Print pack for ${area.name}`)
}
