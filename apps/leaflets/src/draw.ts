// Draws a laid-out leaflet into a pdfkit document: structure elements in reading order, decoration and footers as
// artifacts. The same code draws a single leaflet and every copy in a print pack.
import type PDFDocument from 'pdfkit'
import { typeScale, type LeafletFormat } from './format.js'
import { A4, MARGIN, pageGeometry } from './layout/page.js'
import { isChunk, type DrawOp, type LeafletLayout, type StructNode } from './layout/types.js'

type Doc = InstanceType<typeof PDFDocument>
type StructElement = ReturnType<Doc['struct']>

export const PAGE_OPTIONS = { size: 'A4', layout: 'portrait', margin: MARGIN } as const

export function addPage(doc: Doc): void {
  doc.addPage(PAGE_OPTIONS)
}

export function drawOps(doc: Doc, ops: DrawOp[]): void {
  let rects = false
  for (const op of ops) {
    if (op.kind === 'rect') {
      doc.rect(op.x, op.y, op.w, op.h)
      rects = true
    } else {
      if (rects) {
        doc.fill('#000000')
        rects = false
      }
      doc.font(op.font).fontSize(op.size)
      doc.text(op.text, op.x, op.y, op.link ? { lineBreak: false, link: op.link } : { lineBreak: false })
    }
  }
  if (rects) doc.fill('#000000')
}

/** Decoration: marked as an artifact so screen readers skip it. */
export function drawArtifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' })
  draw()
  doc.endMarkedContent()
}

/**
 * Draws `layout` starting on a new page, its structure under `parent`. `onPage(n)` is called as each page is
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
      doc.font('regular').fontSize(type.small)
      doc.text(layout.footer, geo.left, geo.footerY, { lineBreak: false })
      doc.text(pageNumber, geo.right - doc.widthOfString(pageNumber), geo.footerY, { lineBreak: false })
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

export { A4 }
