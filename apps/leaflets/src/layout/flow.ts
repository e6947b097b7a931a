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
//
// Right to left (bidi.ts): a paragraph with right-to-left text, or any paragraph of a right-to-left leaflet, is
// broken into lines in logical order as above, then each line is reordered on its own into runs of one font and
// direction, drawn in logical order at their visual places, each a Span whose ActualText is its logical text. A
// right-to-left leaflet is laid out as if left to right and mirrored at the end (finish): text starts at the
// right margin, labels and bars go on the right.
import {
  drawnText,
  hasRightToLeft,
  isolateLeftToRight,
  paragraphLevels,
  visualRuns,
  withoutControls,
  type Direction,
  type Levels,
  type VisualRun,
} from '../bidi.js'
import { RTL_FACES, type Measure } from '../fonts.js'
import { facePieces } from '../script.js'
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
  /** The language of this run where it differs from the document's (an organisation's own name): a Span with /Lang. */
  lang?: string
}

/** A piece of a word in one style; `width` at its size, measured once. */
type Frag = { text: string; font: FontKey; size: number; colour?: string; link?: LinkRef; lang?: string; width: number }
/** A word: what lies between two break points. `space` is the breakable space before it; `hard` a forced break. */
type Word = { frags: Frag[]; space?: Frag; hard?: boolean }
type Segment = { text: string; font: FontKey; size: number; colour?: string; link?: LinkRef; lang?: string; dx: number }
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

// Format characters other than the joiners ZWNJ and ZWJ, which Arabic-script spelling needs (نئی, ‌ in Urdu).
const FORMAT_CHARACTERS = /(?![\u200C\u200D])\p{Cf}/u
const FORMAT_CHARACTERS_ALL = /(?![\u200C\u200D])\p{Cf}/gu

/** A piece of a laid-out line: its drawn string and logical text, where it goes (from the line's start) and its style. */
export type PlacedPiece = {
  text: string
  actual: string
  x: number
  width: number
  font: FontKey
  size: number
  colour?: string
  link?: LinkRef
  lang?: string
}

export type FlowOptions = {
  /** The document's direction: 'rtl' lays out every paragraph right to left and mirrors the pages. */
  dir?: Direction
  /** The document's language tag; Latin-script text in a non-Latin-script document is tagged en-GB. */
  lang?: string
  /** The words of link descriptions in the document's language (English by default). */
  linkPhrases?: LinkPhrases
}

export class Flow {
  readonly nodes: StructNode[] = []
  readonly artifacts: DrawOp[][] = [[]]
  page = 0
  y: number
  /** Headings (and other keep-with-next blocks) waiting for the start of the next block. */
  private keep: Keep | undefined
  private placingKeep = false

  readonly dir: Direction
  readonly lang: string | undefined
  readonly linkPhrases: LinkPhrases | undefined

  constructor(
    readonly geo: PageGeometry,
    readonly type: TypeScale,
    readonly measure: Measure,
    options: FlowOptions = {},
  ) {
    this.y = geo.top
    this.dir = options.dir ?? 'ltr'
    this.lang = options.lang
    this.linkPhrases = options.linkPhrases
  }

  /** A flow of the same geometry, type, direction and language (for measuring a block before placing it). */
  scratch(): Flow {
    return new Flow(this.geo, this.type, this.measure, { dir: this.dir, lang: this.lang, ...(this.linkPhrases ? { linkPhrases: this.linkPhrases } : {}) })
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
  private words(runs: Run[], baseSize: number, bold: boolean, colour: string | undefined, bidi: boolean): Word[] {
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
      const style = {
        size,
        ...((run.colour ?? colour) ? { colour: run.colour ?? colour } : {}),
        ...(run.link ? { link: run.link } : {}),
        ...(run.lang ? { lang: run.lang } : {}),
      }
      const frag = (text: string, face: FontKey = font): Frag => ({ text, font: face, ...style, width: measure.width(withoutControls(text), face, size) })
      // One frag per font face: a Latin name inside Urdu is set in the Latin font, and the other way round.
      const pushWord = (text: string) => {
        for (const piece of facePieces(text, font)) push(frag(piece.text, piece.face))
      }
      const space = (ws: string) => {
        if (ws.includes('\n')) pendingHard = words.length > 0
        else if (words.length) pendingSpace = frag(' ', words.at(-1)!.frags.at(-1)!.font)
      }
      if (run.nobreak || isNumberLink(run.link?.href)) {
        const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? []
        if (lead) space(lead)
        // In bidi text a number keeps its digit groups in order (0800 612 6505, not 6505 612 0800).
        if (core) pushWord(bidi ? isolateLeftToRight(core.replace(/\s+/g, ' ')) : core.replace(/\s+/g, ' '))
        if (trail) space(trail)
        continue
      }
      for (const part of run.text.split(/(\s+)/)) {
        if (part === '') continue
        if (/^\s+$/.test(part)) space(part)
        else pushWord(part)
      }
    }
    // Trailing white space stays in the text (something drawn beside the block may follow it).
    if (pendingSpace) words.at(-1)?.frags.push({ ...pendingSpace, width: 0 })
    return words
  }

  /** Wraps runs into lines no wider than `width` (see the top of this file for where lines may break). */
  wrap(runs: Run[], size: number, width: number, bold = false, colour?: string, bidi = this.isBidi(runs)): Line[] {
    const lines: Frag[][] = []
    let line: Frag[] = []
    let lineWidth = 0
    const flush = () => {
      if (line.length) lines.push(line)
      line = []
      lineWidth = 0
    }
    for (const word of this.words(runs, size, bold, colour, bidi)) {
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
      if (last && last.font === frag.font && last.size === frag.size && last.colour === frag.colour && last.link === frag.link && last.lang === frag.lang)
        last.text += ch
      else out.push({ ...frag, text: ch })
    }
    for (const f of out) f.width = this.measure.width(withoutControls(f.text), f.font, f.size)
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
      if (last && last.font === frag.font && last.size === frag.size && last.colour === frag.colour && last.link === frag.link && last.lang === frag.lang)
        last.text += frag.text
      else
        out.push({
          text: frag.text,
          font: frag.font,
          size: frag.size,
          ...(frag.colour ? { colour: frag.colour } : {}),
          ...(frag.link ? { link: frag.link } : {}),
          ...(frag.lang ? { lang: frag.lang } : {}),
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
    const bidi = this.isBidi(runs)
    const lines = this.wrap(runs, size, this.geo.right - (options.indentRight ?? 0) - x, options.bold, options.colour, bidi)
    if (!lines.length) return
    // Levels resolved once for the whole paragraph, in logical order; each line is reordered on its own below.
    const paragraph = bidi ? lines.map((l) => l.segments.map((seg) => seg.text).join('')).join('') : ''
    const levels = bidi ? paragraphLevels(paragraph, this.paragraphDirection(paragraph)) : undefined
    const lineStarts: number[] = []
    if (bidi) lines.reduce((at, l) => (lineStarts.push(at), at + l.segments.reduce((n, seg) => n + seg.text.length, 0)), 0)
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
        const pieces = levels ? this.placeLine(line, paragraph, levels, lineStarts[i]!) : this.pieces(line)
        this.openSpan = undefined
        for (const piece of pieces) {
          const op: TextOp = {
            kind: 'text',
            x: x + piece.x,
            y: this.y + baseline - this.measure.ascent('regular', piece.size),
            text: piece.text,
            font: piece.font,
            size: piece.size,
          }
          if (piece.colour) op.colour = piece.colour
          if (levels) op.actual = piece.actual
          let into = node
          if (piece.link) {
            op.link = piece.link.href
            let linkNode = links.get(piece.link)
            if (!linkNode || node.children.at(-1) !== linkNode) {
              linkNode = this.element(node, 'Link')
              links.set(piece.link, linkNode)
              linkOps.set(linkNode, [])
            }
            linkOps.get(linkNode)!.push(op)
            into = linkNode
          }
          this.add(this.spanFor(into, piece, !!levels), op)
        }
        this.y += heights[i]!
      }
      if (i < lines.length) this.breakPage()
    }
    if (keepWithNext) this.placingKeep = false
    for (const ops of linkOps.values()) {
      const contents = linkDescription(ops[0]!.link!, withoutControls(ops.map((o) => o.actual ?? o.text).join('')), this.linkPhrases)
      for (const op of ops) op.contents = contents
    }
  }

  /** Lines' total height for these runs at this width, without placing them (for keeping blocks together). */
  measureText(runs: Run[], options: TextOptions): number {
    const x = this.geo.left + (options.indent ?? 0)
    return this.wrap(runs, options.size, this.geo.right - (options.indentRight ?? 0) - x, options.bold).reduce((h, l) => h + this.lineBox(l), 0)
  }

  /**
   * A paragraph's base direction: right to left in a right-to-left document when it has right-to-left text at
   * all; otherwise left to right, so a line wholly in English (an organisation's name, a phrase not yet
   * translated) keeps its full stop at its end. It still starts at the document's side (right, by mirroring).
   */
  paragraphDirection(text: string): Direction {
    return this.dir === 'rtl' && hasRightToLeft(text) ? 'rtl' : 'ltr'
  }

  /** Whether these runs need the bidi algorithm: always in a right-to-left document, else where RTL text appears. */
  isBidi(runs: Run[]): boolean {
    return this.dir === 'rtl' || runs.some((r) => hasRightToLeft(r.text))
  }

  /** A left-to-right line as it is: one piece per segment, at its offset. */
  private pieces(line: Line): PlacedPiece[] {
    return line.segments.map((seg) => ({
      text: seg.text,
      actual: seg.text,
      x: seg.dx,
      width: this.measure.width(seg.text, seg.font, seg.size),
      font: seg.font,
      size: seg.size,
      ...(seg.colour ? { colour: seg.colour } : {}),
      ...(seg.link ? { link: seg.link } : {}),
      ...(seg.lang ? { lang: seg.lang } : {}),
    }))
  }

  /**
   * A line of a bidi paragraph (logical characters from `start` of `paragraph`) as pieces in logical order, each
   * placed at its visual position. For a right-to-left document positions are in the mirrored frame finish()
   * turns round: the run that reads first (rightmost) starts the line.
   */
  private placeLine(line: Line, paragraph: string, levels: Levels, start: number): PlacedPiece[] {
    return placeSegments(line.segments, paragraph, levels, start, this.dir, this.measure, this.lang)
  }

  /** The element a piece's op goes into: a Span carrying its language and logical text where it needs one. */
  private spanFor(parent: StructNode, piece: PlacedPiece, reordered: boolean): StructNode {
    if (!reordered && !piece.lang) return parent
    // The runs of one line in one language under one parent share a Span, its ActualText their logical text in
    // order (fewer elements for a screen reader to step through, and for pdfkit to write).
    const last = this.openSpan
    const open = last?.options
    if (last && open && parent.children.at(-1) === last && open.lang === piece.lang && (open.actual !== undefined) === reordered) {
      if (reordered) open.actual += piece.actual
      return last
    }
    const options: StructNode['options'] = {}
    if (piece.lang) options.lang = piece.lang
    if (reordered) options.actual = piece.actual
    this.openSpan = this.element(parent, 'Span', options)
    return this.openSpan
  }
  /** The Span the current line's runs go into (see spanFor); a new line starts a new one. */
  private openSpan: StructNode | undefined

  /**
   * A single line of text at (x, y) that is not flowed (a list label, a page reference), set in the fonts its
   * scripts need and, in bidi text, reordered in the document's direction (a list number "1." reads ".1" in an
   * Urdu leaflet, as browsers show it); `x` is where its left end goes (its right end in a right-to-left
   * document, which mirrors). Returns its width.
   */
  label(node: StructNode, unspaced: Omit<TextOp, 'kind'>): number {
    const op = { ...unspaced, text: plainSpaces(unspaced.text) }
    const segments: Segment[] = []
    let dx = 0
    const bidi = this.dir === 'rtl' || hasRightToLeft(op.text)
    for (const piece of facePieces(op.text, op.font)) {
      segments.push({ text: piece.text, font: piece.face, size: op.size, ...(op.colour ? { colour: op.colour } : {}), dx })
      dx += this.measure.width(piece.text, piece.face, op.size)
    }
    const pieces = bidi
      ? placeSegments(segments, op.text, paragraphLevels(op.text, this.dir), 0, this.dir, this.measure, this.lang)
      : this.pieces({ segments, size: op.size })
    this.openSpan = undefined
    for (const piece of pieces) {
      const drawn: TextOp = { kind: 'text', x: op.x + piece.x, y: op.y, text: piece.text, font: piece.font, size: op.size }
      if (op.colour) drawn.colour = op.colour
      if (bidi) drawn.actual = piece.actual
      this.add(this.spanFor(node, piece, bidi), drawn)
    }
    return dx
  }

  finish(footer: string, pageNumber?: (page: number, pages: number) => string): LeafletLayout {
    if (this.dir === 'rtl') mirrorLayout(this.nodes, this.artifacts, this.geo.width, this.measure)
    return {
      pageCount: this.page + 1,
      page: this.geo.size,
      nodes: this.nodes,
      artifacts: this.artifacts,
      footer,
      ...(pageNumber ? { pageNumber } : {}),
      dir: this.dir,
      ...(this.lang ? { lang: this.lang } : {}),
    }
  }
}

const runCache = new WeakMap<Levels, Map<string, VisualRun[]>>()

/**
 * A label or footer phrase as the fonts have it: a tab, a figure or narrow space (in a translated phrase or a
 * date) becomes a plain space, which every face has (a no-break space stays); bidi embeddings, overrides and
 * isolates pasted into it are dropped, as flowed text drops every invisible format character, so nothing but
 * the leaflet's own bidi decides the order. (Flowed text already breaks at spaces.)
 */
export function plainSpaces(text: string): string {
  return /[^\S \u00a0]|[\u202A-\u202E\u2066-\u2069]/u.test(text) ? text.replace(/[^\S \u00a0]/gu, ' ').replace(/[\u202A-\u202E\u2066-\u2069]/gu, '') : text
}

/** Whether a language tag is written in Latin script, as far as the leaflet's languages go. */
function latinScriptLanguage(lang: string | undefined): boolean {
  return !lang || !/^(ur|ar|fa|ps|sd|ks|ug|he|yi|dv|syr)(-|$)/i.test(lang)
}

/**
 * Places logical segments (one font and style each, their texts together being [start, …) of `paragraph`) as
 * visual runs: in logical order, each with its x from the line's start (mirrored frame where the document's
 * direction `dir` is 'rtl'; the paragraph's own direction is in its `levels`), its drawn
 * string (visual order for its face) and its logical text. Latin letters in a document whose language is not
 * written in Latin script are tagged en-GB (organisation names, addresses), unless the segment says otherwise.
 */
export function placeSegments(
  segments: readonly Segment[],
  paragraph: string,
  levels: Levels,
  start: number,
  dir: Direction,
  measure: Measure,
  lang: string | undefined,
): PlacedPiece[] {
  const bounds: number[] = []
  let end = start
  for (const seg of segments) {
    bounds.push(end)
    end += seg.text.length
  }
  const segmentAt = (i: number) => {
    let k = bounds.length - 1
    while (k > 0 && bounds[k]! > i) k--
    return k
  }
  // A line reorders the same way every time it is laid out (each layout pass, every copy): once per levels object.
  const key = `${start} ${end} ${bounds.join(',')}`
  let byLine = runCache.get(levels)
  if (!byLine) runCache.set(levels, (byLine = new Map()))
  let runs = byLine.get(key)
  if (!runs) {
    const boundary = new Set(bounds)
    runs = visualRuns(paragraph, levels, start, end, (i) => boundary.has(i))
    byLine.set(key, runs)
  }
  const placed = runs.map((run) => {
    const seg = segments[segmentAt(run.start)]!
    const logical = paragraph.slice(run.start, run.end)
    const actual = withoutControls(logical)
    const text = drawnText(logical, run.level, RTL_FACES.has(seg.font))
    const otherLanguage = seg.lang ?? (!latinScriptLanguage(lang) && /\p{sc=Latin}/u.test(actual) ? 'en-GB' : undefined)
    return {
      start: run.start,
      piece: {
        text,
        actual,
        x: 0,
        width: text ? measure.width(text, seg.font, seg.size) : 0,
        font: seg.font,
        size: seg.size,
        ...(seg.colour ? { colour: seg.colour } : {}),
        ...(seg.link ? { link: seg.link } : {}),
        ...(otherLanguage ? { lang: otherLanguage } : {}),
      } satisfies PlacedPiece,
    }
  })
  // A right-aligned line starts with what is read first: white space a left-to-right line ends with goes to its
  // far (left) end instead, where it moves nothing.
  if (dir === 'rtl') while (placed.length > 1 && /^\s*$/u.test(placed.at(-1)!.piece.actual)) placed.unshift(placed.pop()!)
  // Visual order is left to right; in the mirrored frame of an RTL document the rightmost run comes first.
  let x = 0
  for (const p of dir === 'rtl' ? [...placed].reverse() : placed) {
    p.piece.x = x
    x += p.piece.width
  }
  return placed
    .filter((p) => p.piece.text !== '')
    .sort((a, b) => a.start - b.start)
    .map((p) => p.piece)
}

/**
 * Turns a layout made left to right into its mirror image about the page's vertical centre line: each text op,
 * rectangle, image and grid keeps its size and reading order and moves to the other side (x becomes
 * width - x - its width), figure boxes with them. Text keeps its own direction: this only moves it.
 */
export function mirrorLayout(nodes: StructNode[], artifacts: DrawOp[][], pageWidth: number, measure: Measure): void {
  const flip = (op: DrawOp) => {
    if (op.kind === 'text') op.x = pageWidth - op.x - measure.width(op.text, op.font, op.size)
    else if (op.kind === 'rect' || op.kind === 'image') op.x = pageWidth - op.x - op.w
    else {
      let columns = 0
      for (let i = 0; i < op.cells.length; i += 4) columns = Math.max(columns, op.cells[i + 1]! + op.cells[i + 2]!)
      op.x = pageWidth - op.x - columns * op.cell
    }
  }
  const walk = (node: StructNode) => {
    const box = node.options?.bbox
    if (box) node.options!.bbox = [pageWidth - box[2], box[1], pageWidth - box[0], box[3]]
    for (const child of node.children) {
      if (isChunk(child)) child.ops.forEach(flip)
      else walk(child)
    }
  }
  nodes.forEach(walk)
  for (const page of artifacts) page.forEach(flip)
}

/** The phrases a link description uses, {placeholders} filled by `t` (English when none is given). */
export type LinkPhrases = (key: 'leaflet.linkCall' | 'leaflet.linkText' | 'leaflet.linkEmail' | 'leaflet.linkWeb', vars: Record<string, string>) => string

const englishLinkPhrases: LinkPhrases = (key, vars) =>
  ({
    'leaflet.linkCall': `Call ${vars.number}`,
    'leaflet.linkText': `Send a text message: ${vars.text}`,
    'leaflet.linkEmail': `Email ${vars.address}`,
    'leaflet.linkWeb': `Open the web page ${vars.address}`,
  })[key]

/**
 * A link annotation's description (PDF/UA: every link has one): what following it does, and where to, in the
 * leaflet's language. A text-message link that already says what to send ("Text DVS to 82228") is its own description.
 */
export function linkDescription(href: string, text: string, t: LinkPhrases = englishLinkPhrases): string {
  const shown = text.replace(/\s+/g, ' ').trim()
  if (/^tel:/i.test(href)) return t('leaflet.linkCall', { number: shown })
  if (/^sms:/i.test(href)) {
    if (/^text\b/i.test(shown)) return `T${shown.slice(1)}`
    const code = /^sms:\+?(\d+)/i.exec(href)?.[1]
    return code && shown.includes(code) ? shown : t('leaflet.linkText', { text: shown })
  }
  if (/^mailto:/i.test(href)) return t('leaflet.linkEmail', { address: shown })
  return t('leaflet.linkWeb', { address: shown })
}
