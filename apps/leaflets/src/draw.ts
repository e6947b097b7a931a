// Draws a laid-out leaflet into a pdfkit document: structure elements in reading order, decoration and footers as
// artifacts. The same code draws a single leaflet and every copy in a print pack.
import type PDFDocument from 'pdfkit'
import { measure } from './fonts.js'
import { typeScale, type LeafletFormat } from './format.js'
import { MARGIN, pageGeometry } from './layout/page.js'
import { isChunk, type DrawOp, type FontKey, type LeafletLayout, type StructNode } from './layout/types.js'

type Doc = InstanceType<typeof PDFDocument>
type StructElement = ReturnType<Doc['struct']>

const PAGE_OPTIONS = { size: 'A4', layout: 'portrait', margin: MARGIN } as const

export function addPage(doc: Doc): void {
  doc.addPage(PAGE_OPTIONS)
}

function drawOps(doc: Doc, ops: DrawOp[]): void {
  let rects = false
  for (const op of ops) {
    if (op.kind === 'rect') {
      doc.rect(op.x, op.y, op.w, op.h)
      rects = true
    } else if (op.kind === 'grid') {
      if (rects) {
        doc.fill('#000000')
        rects = false
      }
      doc.save()
      doc.transform(op.cell, 0, 0, op.cell, op.x, op.y)
      const cells = op.cells
      for (let i = 0; i < cells.length; i += 4) doc.rect(cells[i + 1]!, cells[i]!, cells[i + 2]!, cells[i + 3]!)
      doc.fill('#000000')
      doc.restore()
    } else {
      if (rects) {
        doc.fill('#000000')
        rects = false
      }
      drawText(doc, op.text, op.x, op.y, op.font, op.size, op.link)
    }
  }
  if (rects) doc.fill('#000000')
}

/**
 * One line of text, with no wrapping. The width comes from the layout's cache of the same font's measurements,
 * given to pdfkit as textWidth/wordCount (the options its own line wrapper passes) so it does not measure the
 * string again for the link area; it is the number pdfkit would compute: (advance × size/1000) × 100/100. If a
 * pdfkit version ignores those options it measures the string itself, with the same result.
 */
function drawText(doc: Doc, text: string, x: number, y: number, font: FontKey, size: number, link?: string): void {
  doc.font(font).fontSize(size)
  const options: Record<string, unknown> = { lineBreak: false, textWidth: (measure().advance(text, font) * (size / 1000) * 100) / 100, wordCount: wordCount(text) }
  if (link) options.link = link
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
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** Decoration: marked as an artifact so screen readers skip it. */
function drawArtifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' })
  draw()
  doc.endMarkedContent()
}

/**
 * Draws `layout` starting on a new page, its structure under `parent`. `onPage()` is called as each page is
 * finished (for progress). Returns the number of pages drawn.
 */
export function drawLeaflet(doc: Doc, parent: StructElement, layout: LeafletLayout, format: LeafletFormat, onPage?: () => void): number {
  const type = typeScale(format)
  const geo = pageGeometry(type)
  let current = -1

  const finishPage = () => {
    const pageNumber = `Page ${current + 1} of ${layout.pageCount}`
    drawArtifact(doc, () => {
      doc.rect(geo.left, geo.footerRuleY, geo.right - geo.left, 0.75).fill('#000000')
      drawText(doc, layout.footer, geo.left, geo.footerY, 'regular', type.small)
      // drawText left the font at regular, small: the size the page number is measured in.
      drawText(doc, pageNumber, geo.right - doc.widthOfString(pageNumber), geo.footerY, 'regular', type.small)
    })
    onPage?.()
  }
  const goTo = (page: number) => {
    while (current < page) {
      if (current >= 0) finishPage()
      addPage(doc)
      current++
      const decoration = layout.artifacts[current] ?? []
      if (decoration.length) drawArtifact(doc, () => drawOps(doc, decoration))
    }
  }

  const emit = (into: StructElement, node: StructNode) => {
    const element = doc.struct(node.type, node.options as Parameters<Doc['struct']>[1])
    into.add(element)
    for (const child of node.children) {
      if (isChunk(child)) {
        goTo(child.page)
        element.add(() => drawOps(doc, child.ops))
      } else {
        emit(element, child)
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
