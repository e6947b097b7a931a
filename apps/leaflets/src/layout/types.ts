// The display list a leaflet is laid out into: positioned drawing operations grouped by page and by structure
// element, so one layout can be drawn into any pdfkit document (a single leaflet or every copy in a print pack).
export type FontKey = 'regular' | 'bold'

/**
 * Text at (x, y), y being the top of the line box, as pdfkit's text() takes it. `colour` is `#rrggbb` (text colour
 * when absent). A `link` is drawn as a link annotation over the text with `contents` as its description.
 */
export type TextOp = { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number; colour?: string; link?: string; contents?: string }
/** A filled rectangle (bands, bars, boxes), black when no colour is given. */
export type RectOp = { kind: 'rect'; x: number; y: number; w: number; h: number; colour?: string }
/**
 * Filled black rectangles on a grid of `cell`-point squares whose top-left corner is at (x, y) (the QR code's
 * modules). `cells` holds [row, column, width, height] in cells, four numbers per rectangle. Drawn in grid units
 * under one transform, so each rectangle is written with small whole numbers.
 */
export type GridOp = { kind: 'grid'; x: number; y: number; cell: number; cells: ArrayLike<number> }
/** A raster image (the service's PNG logo) scaled into the box at (x, y). */
export type ImageOp = { kind: 'image'; x: number; y: number; w: number; h: number; data: Buffer }
export type DrawOp = TextOp | RectOp | GridOp | ImageOp

/** Marked content on one page (0-based page of the leaflet). */
export type Chunk = { page: number; ops: DrawOp[] }

export type StructType = 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Link' | 'Figure'
export type StructOptions = { alt?: string; bbox?: [number, number, number, number] }

/**
 * A structure element; children are drawn in order, which is the reading order. `bookmark` puts an entry in the
 * document outline, pointing at the page where the element starts.
 */
export type StructNode = { type: StructType; options?: StructOptions; bookmark?: string; children: (StructNode | Chunk)[] }

export type PageSize = { width: number; height: number }

export type LeafletLayout = {
  pageCount: number
  /** The page size every page of the layout is drawn on (points). */
  page: PageSize
  /** Top-level structure elements in reading order. */
  nodes: StructNode[]
  /** Decoration per page (drawn as Layout artifacts). */
  artifacts: DrawOp[][]
  /** Text drawn in every page's footer before "Page x of y". */
  footer: string
}

export function isChunk(child: StructNode | Chunk): child is Chunk {
  return 'ops' in child
}
