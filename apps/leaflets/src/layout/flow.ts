// Flows text down the page and onto new pages: wraps styled runs into lines, keeps headings with what follows,
// keeps at least two lines of a paragraph on each side of a page break (widow and orphan control), and records
// positioned drawing operations under structure elements. Nothing is drawn here, only measured.
//
// Line breaking: a line breaks only at a space between words. Phone numbers, short-code instructions and the
// text of tel:/sms: links are `nobreak` runs, so the spaces inside them are not break points. A word is never
// broken unless it is wider than the whole line; then (a long web address) it breaks after `/`, `.` or `-`, with
// no hyphen added, and only a word with none of those (a 300-letter word) is cut between letters. Every space of
// the source stays in the drawn text (at the end of a line, or before a change of font), so the tagged text a
// screen reader reads has its words apart.
import type { Measure } from '../fonts.js'
import type { TypeScale } from '../format.js'
import type { PageGeometry } from './page.js'
import { isChunk, type DrawOp, type FontKey, type LeafletLayout, type StructNode, type StructType, type TextOp } from './types.js'

/** A link target shared by the runs of one link; one object, one Link structure element. */
export type LinkRef = { href: string }
export type Run = {
  text: string
  bold?: boolean
  link?: LinkRef
  /** `#rrggbb`; the text colour when absent. */
  colour?: string
  /** Size in points; the paragraph's size when absent. */
  size?: number
  /** Never broken across lines (a phone number, a short-code instruction). Links to tel: and sms: always are. */
  nobreak?: boolean
}

/** A piece of a word in one style; `width` at its size, measured once. */
type Frag = { text: string; font: FontKey; size: number; colour?: string; link?: LinkRef; width: number }
/** A word: what lies between two break points. `space` is the breakable space before it; `hard` a forced break. */
type Word = { frags: Frag[]; space?: Frag; hard?: boolean }
type Segment = { text: string; font: FontKey; size: number; colour?: string; link?: LinkRef; dx: number }
export type Line = { segments: Segment[]; size: number }

export type TextOptions = {
  size: number
  indent?: number
  /** Right indent from the column's right edge. */
  indentRight?: number
  bold?: boolean
  colour?: string
  /** This block must start on the same page as the next one (headings): it moves with it to a new page. */
  keepWithNext?: boolean
  /** Never split across pages (moved whole to the next page when it does not fit, unless it fills a page). */
  keepTogether?: boolean
}

/** Links to phone numbers and text-message short codes are read as one thing and are never split. */
export function isNumberLink(href: string | undefined): boolean {
  return !!href && /^(tel|sms):/i.test(href)
}

type Keep = { page: number; y: number; nodes: StructNode[] }

const FORMAT_CHARACTERS = /\p{Cf}/u
const FORMAT_CHARACTERS_ALL = /\p{Cf}/gu

export class Flow {
  readonly nodes: StructNode[] = []
  readonly artifacts: DrawOp[][] = [[]]
  page = 0
  y: number
  /** Headings (and other keep-with-next blocks) waiting for the start of the next block. */
  private keep: Keep | undefined
  private placingKeep = false

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

  /**
   * Starts a new page for content that does not fit, taking along any heading still waiting for content (so no
   * heading is left alone at the foot of a page), unless that heading already starts at the top of its page.
   */
  breakPage(): void {
    const keep = this.keep
    const from = this.page
    const yBefore = this.y
    this.newPage()
    if (!keep || keep.page !== from || keep.y <= this.geo.top + 0.01) return
    const dy = this.geo.top - keep.y
    const move = (node: StructNode) => {
      for (const child of node.children) {
        if (isChunk(child)) {
          if (child.page !== from) continue
          child.page = this.page
          for (const op of child.ops) op.y += dy
        } else move(child)
      }
    }
    keep.nodes.forEach(move)
    this.y = yBefore + dy
    keep.page = this.page
    keep.y = this.geo.top
  }

  /** Starts a new page unless `height` fits below the cursor (never on an empty page: tall blocks then flow). */
  ensure(height: number): void {
    if (this.y + height > this.geo.bottom && this.y > this.geo.top + 0.01) this.breakPage()
  }

  /** Vertical space; none at the top of a page. */
  space(height: number): void {
    if (this.y <= this.geo.top + 0.01) return
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
    if (!this.placingKeep) this.keep = undefined
    const last = node.children.at(-1)
    if (last && isChunk(last) && last.page === page) last.ops.push(op)
    else node.children.push({ page, ops: [op] })
  }

  /** Splits runs into words at break points; a `\n` in a run's text forces a line break. */
  private words(runs: Run[], baseSize: number, bold: boolean, colour: string | undefined): Word[] {
    const words: Word[] = []
    let pendingSpace: Frag | undefined
    let pendingHard = false
    const measure = this.measure
    const push = (frag: Frag) => {
      const current = words.at(-1)
      if (!current || pendingSpace || pendingHard)
        words.push({ frags: [frag], ...(pendingSpace && !pendingHard ? { space: pendingSpace } : {}), ...(pendingHard ? { hard: true } : {}) })
      else current.frags.push(frag)
      pendingSpace = undefined
      pendingHard = false
    }
    for (const source of runs) {
      // Invisible format characters (zero-width space, soft hyphen, word joiner) are not drawn: the font has no
      // glyph for some of them, and lines break only where this file says.
      const run = FORMAT_CHARACTERS.test(source.text) ? { ...source, text: source.text.replace(FORMAT_CHARACTERS_ALL, '') } : source
      const font: FontKey = bold || run.bold ? 'bold' : 'regular'
      const size = run.size ?? baseSize
      const style = { font, size, ...((run.colour ?? colour) ? { colour: run.colour ?? colour } : {}), ...(run.link ? { link: run.link } : {}) }
      const frag = (text: string): Frag => ({ text, ...style, width: measure.width(text, font, size) })
      const space = (ws: string) => {
        if (ws.includes('\n')) pendingHard = words.length > 0
        else if (words.length) pendingSpace = frag(' ')
      }
      if (run.nobreak || isNumberLink(run.link?.href)) {
        const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? []
        if (lead) space(lead)
        if (core) push(frag(core.replace(/\s+/g, ' ')))
        if (trail) space(trail)
        continue
      }
      for (const part of run.text.split(/(\s+)/)) {
        if (part === '') continue
        if (/^\s+$/.test(part)) space(part)
        else push(frag(part))
      }
    }
    // Trailing white space stays in the text (something drawn beside the block may follow it).
    if (pendingSpace) words.at(-1)?.frags.push({ ...pendingSpace, width: 0 })
    return words
  }

  /** Wraps runs into lines no wider than `width` (see the top of this file for where lines may break). */
  wrap(runs: Run[], size: number, width: number, bold = false, colour?: string): Line[] {
    const lines: Frag[][] = []
    let line: Frag[] = []
    let lineWidth = 0
    const flush = () => {
      if (line.length) lines.push(line)
      line = []
      lineWidth = 0
    }
    for (const word of this.words(runs, size, bold, colour)) {
      if (word.hard) {
        // A forced break ends the line with a space, so the words either side stay apart in the text.
        const last = line.at(-1)
        if (last && !last.text.endsWith(' ')) line.push({ ...last, text: ' ', width: 0 })
        flush()
      }
      const wordWidth = word.frags.reduce((sum, f) => sum + f.width, 0)
      const spaceWidth = line.length && word.space ? word.space.width : 0
      if (line.length && lineWidth + spaceWidth + wordWidth > width + 0.001) {
        // The space stays in the text, at the end of the line.
        if (word.space) line.push({ ...word.space, width: 0 })
        flush()
      } else if (line.length && word.space) {
        line.push(word.space)
        lineWidth += spaceWidth
      }
      if (wordWidth <= width + 0.001) {
        line.push(...word.frags)
        lineWidth += wordWidth
        continue
      }
      // Wider than a whole line: its own lines, broken after / . - where possible.
      flush()
      const pieces = this.breakWord(word.frags, width)
      pieces.forEach((piece, i) => {
        line = piece
        lineWidth = piece.reduce((sum, f) => sum + f.width, 0)
        if (i < pieces.length - 1) flush()
      })
    }
    flush()
    return lines.map((frags) => ({ segments: this.segments(frags), size: Math.max(...frags.map((f) => f.size)) }))
  }

  /**
   * Breaks an over-long word into pieces no wider than `width`: each piece ends after the last `/`, `.` or `-`
   * that fits; only where no such character fits is it cut between letters.
   */
  private breakWord(frags: Frag[], width: number): Frag[][] {
    const chars: { ch: string; frag: Frag; w: number }[] = []
    for (const frag of frags) for (const ch of Array.from(frag.text)) chars.push({ ch, frag, w: this.measure.width(ch, frag.font, frag.size) })
    const pieces: Frag[][] = []
    let start = 0
    while (start < chars.length) {
      let used = 0
      let end = start
      let lastBreak = -1
      while (end < chars.length && (end === start || used + chars[end]!.w <= width + 0.001)) {
        used += chars[end]!.w
        if ('/.-'.includes(chars[end]!.ch) && end + 1 < chars.length) lastBreak = end + 1
        end++
      }
      if (end < chars.length && lastBreak > start) end = lastBreak
      pieces.push(this.regroup(chars.slice(start, end)))
      start = end
    }
    return pieces
  }

  private regroup(chars: { ch: string; frag: Frag }[]): Frag[] {
    const out: Frag[] = []
    for (const { ch, frag } of chars) {
      const last = out.at(-1)
      if (last && last.font === frag.font && last.size === frag.size && last.colour === frag.colour && last.link === frag.link) last.text += ch
      else out.push({ ...frag, text: ch })
    }
    for (const f of out) f.width = this.measure.width(f.text, f.font, f.size)
    return out
  }

  /**
   * Joins neighbouring fragments of the same style into one drawn string, with its offset. A space always goes
   * into the text of the segment before it (whatever that segment's font), so no two words are ever joined in
   * the file; the next segment's offset comes from the measured widths, so nothing moves.
   */
  private segments(frags: Frag[]): Segment[] {
    const out: Segment[] = []
    let x = 0
    for (const frag of frags) {
      const last = out.at(-1)
      if (frag.text === ' ') {
        if (last) last.text += ' '
        x += frag.width
        continue
      }
      if (last && last.font === frag.font && last.size === frag.size && last.colour === frag.colour && last.link === frag.link) last.text += frag.text
      else
        out.push({
          text: frag.text,
          font: frag.font,
          size: frag.size,
          ...(frag.colour ? { colour: frag.colour } : {}),
          ...(frag.link ? { link: frag.link } : {}),
          dx: x,
        })
      x += frag.width
    }
    return out
  }

  /** Height of a laid-out line: the largest size on it. */
  private lineBox(line: Line): number {
    return this.lineHeight(line.size)
  }

  /**
   * Lays runs into `node` as lines flowing down the page and onto new pages. Link runs go into Link elements
   * (children of `node`, in order) so each link is tagged and clickable; each link's description (its /Contents)
   * is the action and the link's whole text.
   */
  text(node: StructNode, runs: Run[], options: TextOptions): void {
    const size = options.size
    const x = this.geo.left + (options.indent ?? 0)
    const lines = this.wrap(runs, size, this.geo.right - (options.indentRight ?? 0) - x, options.bold, options.colour)
    if (!lines.length) return
    const heights = lines.map((l) => this.lineBox(l))
    const links = new Map<LinkRef, StructNode>()
    const linkOps = new Map<StructNode, TextOp[]>()
    const keepWithNext = !!options.keepWithNext
    if (keepWithNext) this.placingKeep = true
    let started = false
    let i = 0
    while (i < lines.length) {
      const room = this.geo.bottom - this.y
      let fit = 0
      let used = 0
      while (i + fit < lines.length && used + heights[i + fit]! <= room + 0.001) used += heights[i + fit++]!
      const remaining = lines.length - i
      let take = fit
      if (fit < remaining) {
        if (options.keepTogether || keepWithNext) take = 0
        else {
          // Two lines at least at the foot of the page and at the top of the next.
          take = Math.min(fit, remaining - 2)
          if (take < 2) take = 0
        }
        if (take === 0 && this.y <= this.geo.top + 0.01) take = Math.max(fit, 1)
      }
      if (take === 0) {
        this.breakPage()
        continue
      }
      if (keepWithNext && !started) {
        if (this.keep && this.keep.page === this.page) this.keep.nodes.push(node)
        else this.keep = { page: this.page, y: this.y, nodes: [node] }
      }
      started = true
      for (let n = 0; n < take; n++, i++) {
        const line = lines[i]!
        const baseline = this.measure.ascent('regular', line.size)
        for (const seg of line.segments) {
          const op: TextOp = {
            kind: 'text',
            x: x + seg.dx,
            y: this.y + baseline - this.measure.ascent('regular', seg.size),
            text: seg.text,
            font: seg.font,
            size: seg.size,
          }
          if (seg.colour) op.colour = seg.colour
          if (seg.link) {
            op.link = seg.link.href
            let linkNode = links.get(seg.link)
            if (!linkNode || node.children.at(-1) !== linkNode) {
              linkNode = this.element(node, 'Link')
              links.set(seg.link, linkNode)
              linkOps.set(linkNode, [])
            }
            linkOps.get(linkNode)!.push(op)
            this.add(linkNode, op)
          } else {
            this.add(node, op)
          }
        }
        this.y += heights[i]!
      }
      if (i < lines.length) this.breakPage()
    }
    if (keepWithNext) this.placingKeep = false
    for (const ops of linkOps.values()) {
      const contents = linkDescription(ops[0]!.link!, ops.map((o) => o.text).join(''))
      for (const op of ops) op.contents = contents
    }
  }

  /** Lines' total height for these runs at this width, without placing them (for keeping blocks together). */
  measureText(runs: Run[], options: TextOptions): number {
    const x = this.geo.left + (options.indent ?? 0)
    return this.wrap(runs, options.size, this.geo.right - (options.indentRight ?? 0) - x, options.bold).reduce((h, l) => h + this.lineBox(l), 0)
  }

  finish(footer: string): LeafletLayout {
    return { pageCount: this.page + 1, page: this.geo.size, nodes: this.nodes, artifacts: this.artifacts, footer }
  }
}

/** A link annotation's description (PDF/UA: every link has one): what following it does, and where to. */
export function linkDescription(href: string, text: string): string {
  const shown = text.replace(/\s+/g, ' ').trim()
  if (/^tel:/i.test(href)) return `Call ${shown}`
  if (/^sms:/i.test(href)) return /^text\b/i.test(shown) ? `T${shown.slice(1)}` : `Send a text message: ${shown}`
  if (/^mailto:/i.test(href)) return `Email ${shown}`
  return `Open the web page ${shown}`
}
