// Draws a laid-out leaflet into a pdfkit document: structure elements in reading order, each link as an annotation
// with a description under its Link element, a bookmark for each section, decoration as Layout artifacts and the
// footers as Pagination artifacts. The same code draws a single leaflet and every copy in a print pack.
import type PDFDocument from 'pdfkit'
import { colours } from '@signpost/brand'
import { hasRightToLeft, paragraphLevels } from './bidi.js'
import { measure, type Measure } from './fonts.js'
import { typeScale, type LeafletFormat } from './format.js'
import { A4, pageGeometry, PAGE_SIZES, type PageSizeName } from './layout/page.js'
import { placeSegments, plainSpaces } from './layout/flow.js'
import { isChunk, type DrawOp, type FontKey, type LeafletLayout, type PageSize, type StructNode } from './layout/types.js'
import { facePieces } from './script.js'

type Doc = InstanceType<typeof PDFDocument>
type StructElement = ReturnType<Doc['struct']>
/** pdfkit's outline node (doc.outline or an item under it). */
export type OutlineParent = { addItem(title: string, options?: Record<string, unknown>): OutlineParent }

/** A new page of `size` (A4 when not given). pdfkit's own margins are unused: the layout positions everything. */
export function addPage(doc: Doc, size: PageSize = A4): void {
  doc.addPage({ size: [size.width, size.height], margin: 0 })
}

/**
 * Each image once per document: pdfkit embeds a Buffer again on every image() call (it only remembers images
 * opened from a path), so a print pack of fifty copies would carry the logo fifty times. An opened image passed
 * back to image() is drawn from the one embedded copy.
 */
const openedImages = new WeakMap<Doc, Map<Buffer, unknown>>()
function openedImage(doc: Doc, data: Buffer): unknown {
  let images = openedImages.get(doc)
  if (!images) openedImages.set(doc, (images = new Map()))
  let image = images.get(data)
  if (!image) images.set(data, (image = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(data)))
  return image
}

function drawOps(doc: Doc, ops: DrawOp[], element?: StructElement, m: Measure = measure()): void {
  for (const op of ops) {
    if (op.kind === 'rect') {
      doc.rect(op.x, op.y, op.w, op.h).fill(op.colour ?? '#000000')
    } else if (op.kind === 'grid') {
      doc.save()
      doc.transform(op.cell, 0, 0, op.cell, op.x, op.y)
      const cells = op.cells
      for (let i = 0; i < cells.length; i += 4) doc.rect(cells[i + 1]!, cells[i]!, cells[i + 2]!, cells[i + 3]!)
      doc.fill('#000000')
      doc.restore()
    } else if (op.kind === 'image') {
      doc.image(openedImage(doc, op.data) as Buffer, op.x, op.y, { width: op.w, height: op.h })
    } else {
      drawText(doc, op.text, op.x, op.y, op.font, op.size, op.colour, m)
      if (op.link) {
        // The annotation covers the visible text (not a trailing space) and is tied to the Link element.
        const width = m.width(op.text.replace(/ +$/, ''), op.font, op.size)
        const options: Record<string, unknown> = { Contents: new String(op.contents ?? op.text.trim()) }
        if (element) options.structParent = element
        doc.link(op.x, op.y, width, doc.currentLineHeight(), op.link, options)
      }
    }
  }
}

/**
 * One line of text, with no wrapping. The width comes from the layout's cache of the same font's measurements,
 * given to pdfkit as textWidth/wordCount (the options its own line wrapper passes) so it does not measure the
 * string again; it is the number pdfkit would compute: (advance × size/1000) × 100/100.
 */
function drawText(doc: Doc, text: string, x: number, y: number, font: FontKey, size: number, colour: string = colours.text, m: Measure = measure()): void {
  doc.font(font).fontSize(size).fillColor(colour)
  const options: Record<string, unknown> = {
    lineBreak: false,
    textWidth: (m.advance(text, font) * (size / 1000) * 100) / 100,
    wordCount: wordCount(text),
  }
  doc.text(text, x, y, options)
}

/** Words separated by white space (as JavaScript's \s matches it), as pdfkit counts them for a line. */
function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/**
 * Content screen readers skip: 'Pagination' for running footers and page numbers, 'Layout' for decoration
 * (the identity band, bars, boxes behind text, rules).
 */
function drawArtifact(doc: Doc, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type })
  draw()
  doc.endMarkedContent()
}

export type DrawOptions = {
  /** Called as each page is finished (for progress). */
  onPage?: () => void
  /**
   * Where the sections' bookmarks go (doc.outline for a single leaflet, an item under it for one copy of many).
   * None by default, so a print pack of many copies does not list every section of every copy.
   */
  outline?: OutlineParent | false
}

/**
 * Draws `layout` starting on a new page, its structure under `parent`. Returns the number of pages drawn.
 * `options` may be a function, called as each page is finished (the older signature).
 */
export function drawLeaflet(doc: Doc, parent: StructElement, layout: LeafletLayout, format: LeafletFormat, options: DrawOptions | (() => void) = {}): number {
  const { onPage, outline = false } = typeof options === 'function' ? { onPage: options } : options
  const type = typeScale(format)
  const size = layout.page ?? A4
  const geo = pageGeometry(type, sizeName(size))
  let current = -1

  const m = measure(layout.lang)
  const rtl = layout.dir === 'rtl'
  const finishPage = () => {
    const pageNumber = layout.pageNumber ? layout.pageNumber(current + 1, layout.pageCount) : `Page ${current + 1} of ${layout.pageCount}`
    drawArtifact(doc, 'Pagination', () => {
      doc.rect(geo.left, geo.footerRuleY, geo.right - geo.left, 0.75).fill(colours.muted)
      // Right to left: the checked line starts at the right margin and the page number sits at the left.
      const footerWidth = m.width(plainSpaces(layout.footer), 'regular', type.small)
      const numberWidth = m.width(plainSpaces(pageNumber), 'regular', type.small)
      drawLine(doc, layout, m, layout.footer, rtl ? geo.right - footerWidth : geo.left, geo.footerY, type.small)
      drawLine(doc, layout, m, pageNumber, rtl ? geo.left : geo.right - numberWidth, geo.footerY, type.small)
    })
    onPage?.()
  }
  const goTo = (page: number) => {
    while (current < page) {
      if (current >= 0) finishPage()
      addPage(doc, size)
      current++
      const decoration = layout.artifacts[current] ?? []
      if (decoration.length) drawArtifact(doc, 'Layout', () => drawOps(doc, decoration, undefined, m))
    }
  }

  // A link's annotation belongs to its Link element, also when its text sits in a Span under it.
  const links = new Map<StructNode, StructElement>()
  const linkElement = (node: StructNode, element: StructElement) => (node.type === 'Link' ? element : links.get(node))
  const emit = (into: StructElement, node: StructNode, link?: StructElement) => {
    const element = doc.struct(node.type, node.options as Parameters<Doc['struct']>[1])
    if (node.type === 'Link') link = element
    if (link) links.set(node, link)
    into.add(element)
    if (node.bookmark && outline) {
      // The whole page the section starts on (pdfkit's XYZ destinations measure left from the right edge). Its
      // text may sit in Spans under it (right-to-left runs), so the page is its first drawing anywhere below it.
      const page = firstPage(node)
      if (page !== undefined) {
        goTo(page)
        outline.addItem(node.bookmark, { fit: true })
      }
    }
    for (const child of node.children) {
      if (isChunk(child)) {
        goTo(child.page)
        element.add(() => drawOps(doc, child.ops, linkElement(node, element), m))
      } else {
        emit(element, child, link)
      }
    }
    element.end()
  }

  goTo(0)
  for (const node of layout.nodes) emit(parent, node)
  goTo(layout.pageCount - 1)
  finishPage()
  return layout.pageCount
}

/**
 * A line of footer text (an artifact, outside the structure) at (x, y): in the fonts its scripts need and, in
 * right-to-left or mixed text, in visual order.
 */
function drawLine(doc: Doc, layout: LeafletLayout, m: Measure, unspaced: string, x: number, y: number, size: number): void {
  const text = plainSpaces(unspaced)
  let dx = 0
  const segments = facePieces(text, 'regular').map((piece) => {
    const seg = { text: piece.text, font: piece.face, size, dx }
    dx += m.width(piece.text, piece.face, size)
    return seg
  })
  const dir = layout.dir ?? 'ltr'
  if (dir === 'ltr' && !hasRightToLeft(text)) {
    for (const seg of segments) drawText(doc, seg.text, x + seg.dx, y, seg.font, size, colours.text, m)
    return
  }
  // placeSegments places runs in a mirrored frame for RTL: the first run read is at the line's right end.
  const pieces = placeSegments(segments, text, paragraphLevels(text, dir === 'rtl' && hasRightToLeft(text) ? 'rtl' : 'ltr'), 0, dir, m, layout.lang)
  for (const piece of pieces) {
    const left = dir === 'rtl' ? x + dx - piece.x - piece.width : x + piece.x
    drawText(doc, piece.text, left, y, piece.font, size, colours.text, m)
  }
}

/** The page of a structure element's first drawing, its descendants' included. */
function firstPage(node: StructNode): number | undefined {
  for (const child of node.children) {
    const page = isChunk(child) ? child.page : firstPage(child)
    if (page !== undefined) return page
  }
  return undefined
}

function sizeName(size: PageSize): PageSizeName {
  const found = (Object.keys(PAGE_SIZES) as PageSizeName[]).find(
    (k) => Math.abs(PAGE_SIZES[k].width - size.width) < 0.5 && Math.abs(PAGE_SIZES[k].height - size.height) < 0.5,
  )
  return found ?? 'A4'
}
