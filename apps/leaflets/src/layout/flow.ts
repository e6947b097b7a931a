// Flows text down the page and onto new pages: wraps styled runs into lines, keeps headings with what follows,
// and records positioned drawing operations under structure elements. Nothing is drawn here, only measured.
import type { Measure } from '../fonts.js'
import type { TypeScale } from '../format.js'
import type { PageGeometry } from './page.js'
import { isChunk, type DrawOp, type FontKey, type LeafletLayout, type StructNode, type StructType } from './types.js'

/** A link target shared by the runs of one link; one object, one Link structure element. */
export type LinkRef = { href: string }
export type Run = { text: string; bold?: boolean; link?: LinkRef }

/** A word or space in one font; `width` at the size being wrapped, measured once. */
type Frag = { text: string; font: FontKey; link?: LinkRef; width: number }
type Word = { frags: Frag[]; space?: Frag }
type Segment = { text: string; font: FontKey; link?: LinkRef; dx: number }
type Line = { segments: Segment[] }

export type TextOptions = { size: number; indent?: number; bold?: boolean; /** Extra height that must fit below the first line. */ keepWithNext?: number }

export class Flow {
  readonly nodes: StructNode[] = []
  readonly artifacts: DrawOp[][] = [[]]
  page = 0
  y: number

  constructor(
    readonly geo: PageGeometry,
    readonly type: TypeScale,
    readonly measure: Measure,
  ) {
    this.y = geo.top
  }

  lineHeight(size: number, font: FontKey = 'regular'): number {
    return this.measure.lineHeight(font, size) + this.type.lineGap
  }

  newPage(): void {
    this.page++
    this.artifacts.push([])
    this.y = this.geo.top
  }

  /** Starts a new page unless `height` fits below the cursor (never on an empty page: tall blocks then flow). */
  ensure(height: number): void {
    if (this.y + height > this.geo.bottom && this.y > this.geo.top) this.newPage()
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, this.geo.bottom)
  }

  /** A structure element appended to `parent` (or to the top level). */
  element(parent: StructNode | null, type: StructType, options?: StructNode['options']): StructNode {
    const node: StructNode = options ? { type, options, children: [] } : { type, children: [] }
    ;(parent ? parent.children : this.nodes).push(node)
    return node
  }

  artifact(op: DrawOp, page = this.page): void {
    this.artifacts[page]!.push(op)
  }

  /** Adds drawing to `node` on the current page, continuing its last chunk when that is on the same page. */
  add(node: StructNode, op: DrawOp, page = this.page): void {
    const last = node.children.at(-1)
    if (last && isChunk(last) && last.page === page) last.ops.push(op)
    else node.children.push({ page, ops: [op] })
  }

  /** Wraps runs into lines no wider than `width`. Breaks only at spaces; a word wider than the line is cut. */
  wrap(runs: Run[], size: number, width: number, bold = false): Line[] {
    const words: Word[] = []
    let pendingSpace: Frag | undefined
    const measure = this.measure
    for (const run of runs) {
      const font: FontKey = bold || run.bold ? 'bold' : 'regular'
      for (const part of run.text.split(/(\s+)/)) {
        if (part === '') continue
        if (/^\s+$/.test(part)) {
          if (words.length) pendingSpace = { text: ' ', font, link: run.link, width: measure.width(' ', font, size) }
          continue
        }
        const frag: Frag = { text: part, font, link: run.link, width: measure.width(part, font, size) }
        const current = words.at(-1)
        if (!current || pendingSpace) words.push({ frags: [frag], space: pendingSpace })
        else current.frags.push(frag)
        pendingSpace = undefined
      }
    }
    const lines: Frag[][] = []
    let line: Frag[] = []
    let lineWidth = 0
    const flush = () => {
      if (line.length) lines.push(line)
      line = []
      lineWidth = 0
    }
    for (const word of words) {
      const wordWidth = word.frags.reduce((sum, f) => sum + f.width, 0)
      const spaceWidth = line.length && word.space ? word.space.width : 0
      if (line.length && lineWidth + spaceWidth + wordWidth > width) flush()
      if (line.length && word.space) {
        line.push(word.space)
        lineWidth += spaceWidth
      }
      for (const frag of wordWidth > width ? this.cut(word.frags, size, width) : word.frags) {
        if (frag.text === '\n') {
          flush()
          continue
        }
        line.push(frag)
        lineWidth += frag.width
      }
    }
    flush()
    return lines.map((frags) => ({ segments: this.segments(frags) }))
  }

  /** Cuts an over-long word (a long web address) into pieces that fit, marked by '\n' frags between them. */
  private cut(frags: Frag[], size: number, width: number): Frag[] {
    const out: Frag[] = []
    let used = 0
    for (const frag of frags) {
      let piece = ''
      for (const ch of Array.from(frag.text)) {
        const chWidth = this.measure.width(ch, frag.font, size)
        if (used + chWidth > width && (piece || used > 0)) {
          if (piece) out.push({ ...frag, text: piece, width: this.measure.width(piece, frag.font, size) })
          out.push({ text: '\n', font: frag.font, width: 0 })
          piece = ''
          used = 0
        }
        piece += ch
        used += chWidth
      }
      if (piece) out.push({ ...frag, text: piece, width: this.measure.width(piece, frag.font, size) })
    }
    return out
  }

  /** Joins neighbouring fragments of the same font and link into one drawn string, with its offset. */
  private segments(frags: Frag[]): Segment[] {
    const out: Segment[] = []
    let x = 0
    let pendingGap = 0
    for (const frag of frags) {
      const fw = frag.width
      const last = out.at(-1)
      if (frag.text === ' ') {
        if (last && last.font === frag.font && last.link === frag.link) last.text += ' '
        else pendingGap += fw
        x += fw
        continue
      }
      if (last && last.font === frag.font && last.link === frag.link && pendingGap === 0) last.text += frag.text
      else out.push({ text: frag.text, font: frag.font, link: frag.link, dx: x })
      pendingGap = 0
      x += fw
    }
    for (const s of out) s.text = s.text.replace(/ +$/, '')
    return out
  }

  /**
   * Lays runs into `node` as lines flowing down the page and onto new pages. Link runs go into Link elements
   * (children of `node`, in order) so each link is tagged and clickable.
   */
  text(node: StructNode, runs: Run[], options: TextOptions): void {
    const size = options.size
    const x = this.geo.left + (options.indent ?? 0)
    const lines = this.wrap(runs, size, this.geo.right - x, options.bold)
    const lh = this.lineHeight(size, options.bold ? 'bold' : 'regular')
    this.ensure(lh + (options.keepWithNext ?? 0))
    const links = new Map<LinkRef, StructNode>()
    for (const line of lines) {
      this.ensure(lh)
      for (const seg of line.segments) {
        const op: DrawOp = { kind: 'text', x: x + seg.dx, y: this.y, text: seg.text, font: seg.font, size }
        if (seg.link) {
          op.link = seg.link.href
          let linkNode = links.get(seg.link)
          if (!linkNode || node.children.at(-1) !== linkNode) {
            linkNode = this.element(node, 'Link')
            links.set(seg.link, linkNode)
          }
          this.add(linkNode, op)
        } else {
          this.add(node, op)
        }
      }
      this.y += lh
    }
  }

  finish(footer: string): LeafletLayout {
    return { pageCount: this.page + 1, nodes: this.nodes, artifacts: this.artifacts, footer }
  }
}
