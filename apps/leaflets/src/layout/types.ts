// The display list a leaflet is laid out into: positioned drawing operations grouped by page and by structure
// element, so one layout can be drawn into any pdfkit document (a single leaflet or every copy in a print pack).
export type FontKey = 'regular' | 'bold'

/** Text at (x, y), y being the top of the line box, as pdfkit's text() takes it. */
export type TextOp = { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number; link?: string }
/** A filled black rectangle (the bar beside the local support block). */
export type RectOp = { kind: 'rect'; x: number; y: number; w: number; h: number }
/**
 * Filled black rectangles on a grid of `cell`-point squares whose top-left corner is at (x, y) (the QR code's
 * modules). `cells` holds [row, column, width, height] in cells, four numbers per rectangle. Drawn in grid units
 * under one transform, so each rectangle is written with small whole numbers.
 */
export type GridOp = { kind: 'grid'; x: number; y: number; cell: number; cells: ArrayLike<number> }
export type DrawOp = TextOp | RectOp | GridOp

/** Marked content on one page (0-based page of the leaflet). */
export type Chunk = { page: number; ops: DrawOp[] }

export type StructType = 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Link' | 'Figure'
export type StructOptions = { alt?: string; bbox?: [number, number, number, number] }

/** A structure element; children are drawn in order, which is the reading order. */
export type StructNode = { type: StructType; options?: StructOptions; children: (StructNode | Chunk)[] }

export type LeafletLayout = {
  pageCount: number
  /** Top-level structure elements in reading order. */
  nodes: StructNode[]
  /** Decoration per page (drawn as artifacts). */
  artifacts: DrawOp[][]
  /** Text drawn in every page's footer after "Page x of y". */
  footer: string
}

export function isChunk(child: StructNode | Chunk): child is Chunk {
  return 'ops' in child
}
