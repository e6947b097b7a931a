// The display list a leaflet is laid out into: positioned drawing operations grouped by page and by structure
// element, so one layout can be drawn into any pdfkit document (a single leaflet or every copy in a print pack).
/** A font face: Atkinson Hyperlegible Next regular and bold (Latin), Noto Naskh Arabic regular and bold. */
export type FontKey = 'regular' | 'bold' | 'arabic' | 'arabicBold'

/**
 * Text at (x, y), y being the top of the line box, as pdfkit's text() takes it. `colour` is `#rrggbb` (text colour
 * when absent). A `link` is drawn as a link annotation over the text with `contents` as its description.
 */
export type TextOp = {
  kind: 'text'
  x: number
  y: number
  /** The string drawn: for right-to-left text, already in visual order (see bidi.ts drawnText). */
  text: string
  font: FontKey
  size: number
  colour?: string
  link?: string
  contents?: string
  /** The logical text, where `text` is reordered (what a reader's copy holds; the Span's ActualText). */
  actual?: string
}
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

export type StructType = 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Link' | 'Figure' | 'Span'
/** `lang`: a span in another language than the document's; `actual`: the logical text of reordered glyphs. */
export type StructOptions = { alt?: string; bbox?: [number, number, number, number]; lang?: string; actual?: string }

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
  /** The page number in the footer, as the leaflet's language says it ("Page 1 of 4"). English when absent. */
  pageNumber?: (page: number, pages: number) => string
  /** Right to left: the layout is mirrored (text right-aligned, labels and bars on the right). */
  dir?: 'ltr' | 'rtl'
  /** The document's language tag (the shaping language of Arabic script). */
  lang?: string
}

export function isChunk(child: StructNode | Chunk): child is Chunk {
  return 'ops' in child
}
