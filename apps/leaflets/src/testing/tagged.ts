// Reads a tagged PDF as a screen reader does, with pdfjs-dist: the text of each structure element, taken from the
// marked content it owns (in content order) or, for a Span with an ActualText (reordered right-to-left glyphs), from
// that, and the annotations and outline, for the PDF/UA tests.
import { PDFArray, PDFDict, PDFDocument as LibDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib'
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

export type TaggedElement = { role: string; text: string; alt?: string; lang?: string; page: number }
type Node = { role?: string; alt?: string; lang?: string; type?: string; id?: string; children?: Node[] }
type Glyph = { unicode?: string } | number

/**
 * Every structure element with the text of the marked content under it (children's text included), in reading
 * order. The text is every glyph the content stream shows, spaces included, read from the operator list: pdfjs's
 * text extraction drops space glyphs and guesses spaces back from positions, which would hide a missing one.
 */
export async function taggedElements(pdf: PDFDocumentProxy): Promise<TaggedElement[]> {
  const out: TaggedElement[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const ops = await page.getOperatorList()
    const byMcid = new Map<number, string>()
    const open: (number | null)[] = []
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i]
      const args = ops.argsArray[i] as unknown[]
      if (fn === OPS.beginMarkedContentProps) open.push(typeof args[1] === 'number' ? args[1] : null)
      else if (fn === OPS.beginMarkedContent) open.push(null)
      else if (fn === OPS.endMarkedContent) open.pop()
      else if (fn === OPS.showText) {
        const mcid = open.findLast((x) => x !== null)
        if (mcid === undefined || mcid === null) continue
        const text = (args[0] as Glyph[]).map((g) => (typeof g === 'number' ? '' : (g.unicode ?? ''))).join('')
        byMcid.set(mcid, (byMcid.get(mcid) ?? '') + text)
      }
    }
    const tree = (await page.getStructTree()) as unknown as Node | null
    const textOf = (n: Node): string => {
      // pdfjs gives a structure element's ActualText as its alt (when it has no Alt): what a screen reader reads.
      if (n.role === 'Span' && n.alt !== undefined) return n.alt
      if (n.type === 'content') return byMcid.get(Number(/_mc(\d+)$/.exec(n.id ?? '')?.[1] ?? -1)) ?? ''
      return (n.children ?? []).map(textOf).join('')
    }
    const walk = (n: Node) => {
      if (n.role) out.push({ role: n.role, text: textOf(n), ...(n.alt ? { alt: n.alt } : {}), ...(n.lang ? { lang: n.lang } : {}), page: p })
      n.children?.forEach(walk)
    }
    if (tree) walk(tree)
  }
  return out
}

/**
 * Words run together where the file has no space between them: tokens of the tagged text that are not words of
 * the source but are two source words (or a word and a number) joined, such as "Servicesis" or "Fraud0300".
 */
export function joinedWords(elements: TaggedElement[], sourceText: string): string[] {
  const norm = (w: string) => w.replace(/^[(“"'‘]+|[).,:;!?”"'’]+$/g, '')
  const words = new Set(sourceText.split(/\s+/).map(norm).filter(Boolean))
  const isWord = (w: string) => words.has(w) || /^\d+$/.test(w)
  const joins: string[] = []
  for (const e of elements) {
    if (!['P', 'H1', 'H2', 'H3', 'LBody', 'Lbl'].includes(e.role)) continue
    for (const token of e.text.split(/\s+/)) {
      const t = norm(token)
      if (!t || isWord(t)) continue
      for (let i = 1; i < t.length; i++) {
        const left = norm(t.slice(0, i))
        const right = norm(t.slice(i))
        if (left && right && /[\p{L}\p{N}(]/u.test(t[i]!) && isWord(left) && isWord(right)) {
          joins.push(token)
          break
        }
      }
    }
  }
  return joins
}

export type LinkAnnotation = { url?: string; contents?: string; page: number; rect: number[] }

export async function linkAnnotations(pdf: PDFDocumentProxy): Promise<LinkAnnotation[]> {
  const out: LinkAnnotation[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const annots = (await (await pdf.getPage(p)).getAnnotations()) as Array<{
      subtype: string
      url?: string
      unsafeUrl?: string
      contentsObj?: { str: string }
      rect: number[]
    }>
    for (const a of annots) if (a.subtype === 'Link') out.push({ url: a.unsafeUrl ?? a.url, contents: a.contentsObj?.str, page: p, rect: a.rect })
  }
  return out
}

export type OutlineEntry = { title: string; items: OutlineEntry[] }

export async function outline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const toEntry = (o: { title: string; items: unknown[] }): OutlineEntry => ({
    title: o.title,
    items: (o.items as { title: string; items: unknown[] }[]).map(toEntry),
  })
  return ((await pdf.getOutline()) ?? []).map((o) => toEntry(o as unknown as { title: string; items: unknown[] }))
}

export type ElementLines = { role: string; lines: { page: number; y: number }[] }

/**
 * Every structure element (in reading order) with the lines its own text occupies (page and baseline of each,
 * top to bottom): the elements and their marked-content references read from the structure tree with pdf-lib,
 * the baselines of the text in each marked-content sequence from pdfjs. For checking page breaks.
 */
export async function elementLines(bytes: Buffer, pdf: PDFDocumentProxy): Promise<ElementLines[]> {
  // Baselines by marked-content id, as pdfjs names them: p<page object number>R_mc<MCID>.
  const baselines = new Map<string, { page: number; y: number }[]>()
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent({ includeMarkedContent: true })
    const open: string[] = []
    for (const raw of content.items as { str?: string; type?: string; id?: string | null; transform?: number[] }[]) {
      if (raw.type === 'beginMarkedContentProps' || raw.type === 'beginMarkedContent') open.push(raw.id ?? '')
      else if (raw.type === 'endMarkedContent') open.pop()
      else if (raw.str?.trim() && raw.transform) {
        const id = open.findLast((x) => x !== '')
        if (!id) continue
        const list = baselines.get(id) ?? []
        const y = raw.transform[5]!
        if (!list.some((b) => Math.abs(b.y - y) < 1.5)) list.push({ page: p, y })
        baselines.set(id, list)
      }
    }
  }
  const doc = await LibDocument.load(bytes, { updateMetadata: false })
  const out: ElementLines[] = []
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const dedupe = (lines: { page: number; y: number }[]) =>
    lines.filter((l, i) => lines.findIndex((m) => m.page === l.page && Math.abs(m.y - l.y) < 1.5) === i).sort((a, b) => a.page - b.page || b.y - a.y)
  /** Visits an element; returns the lines of its text and its descendants'. */
  const visit = (dict: PDFDict): { page: number; y: number }[] => {
    const role = dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText()
    const entry: ElementLines | undefined = role ? { role, lines: [] } : undefined
    if (entry) out.push(entry)
    const lines: { page: number; y: number }[] = []
    const pg = dict.get(PDFName.of('Pg'))
    const pageRef = pg instanceof PDFRef ? pg.objectNumber : undefined
    const kids = dict.lookup(PDFName.of('K'))
    const items = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids]
    for (const raw of items) {
      const kid = raw instanceof PDFRef ? doc.context.lookup(raw) : raw
      if (kid instanceof PDFNumber) {
        if (pageRef !== undefined) lines.push(...(baselines.get(`p${pageRef}R_mc${kid.asNumber()}`) ?? []))
      } else if (kid instanceof PDFDict) {
        const type = kid.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText()
        if (type === 'MCR') {
          const mcrPage = kid.get(PDFName.of('Pg'))
          const mcid = kid.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber()
          if (mcrPage instanceof PDFRef && mcid !== undefined) lines.push(...(baselines.get(`p${mcrPage.objectNumber}R_mc${mcid}`) ?? []))
        } else if (type !== 'OBJR') lines.push(...visit(kid))
      }
    }
    if (entry) entry.lines = dedupe(lines)
    return lines
  }
  visit(root)
  return out
}
