// Reads real PDFs back for the tests with pdfjs-dist: text with positions and sizes, the structure tree,
// metadata, raw font dictionaries, and pages rendered to pixels with @napi-rs/canvas.
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

export type TextItem = { str: string; x: number; y: number; width: number; size: number; page: number }
export type StructNode = { role?: string; alt?: string; type?: string; children?: StructNode[] }

export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
}

/** Every text item, page by page, in content-stream order (pdfjs's reading of the file). */
export async function textItems(pdf: PDFDocumentProxy): Promise<TextItem[]> {
  const out: TextItem[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const content = await page.getTextContent()
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const [a, b, , , e, f] = item.transform as number[]
      out.push({ str: item.str, x: e!, y: f!, width: item.width, size: Math.hypot(a!, b!), page: p })
    }
  }
  return out
}

export function plainText(items: TextItem[]): string {
  return items
    .map((i) => i.str)
    .join(' ')
    .replace(/\s+/g, ' ')
}

export async function pageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const items = await textItems(pdf)
  return Array.from({ length: pdf.numPages }, (_, i) => plainText(items.filter((it) => it.page === i + 1)))
}

/** The structure tree of every page, merged into a list of roots. */
export async function structTrees(pdf: PDFDocumentProxy): Promise<StructNode[]> {
  const trees: StructNode[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const tree = (await (await pdf.getPage(p)).getStructTree()) as unknown as StructNode | null
    if (tree) trees.push(tree)
  }
  return trees
}

export function roles(nodes: StructNode[]): Set<string> {
  const out = new Set<string>()
  const walk = (n: StructNode) => {
    if (n.role) out.add(n.role)
    n.children?.forEach(walk)
  }
  nodes.forEach(walk)
  return out
}

export function findRole(nodes: StructNode[], role: string): StructNode[] {
  const out: StructNode[] = []
  const walk = (n: StructNode) => {
    if (n.role === role) out.push(n)
    n.children?.forEach(walk)
  }
  nodes.forEach(walk)
  return out
}

/** Font dictionaries straight from the file (pdfkit writes object dictionaries uncompressed). */
export function rawFonts(bytes: Buffer): { baseFonts: string[]; subtypes: string[]; descriptors: number; fontFiles2: number } {
  const text = bytes.toString('latin1')
  return {
    baseFonts: [...text.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!),
    subtypes: [...text.matchAll(/\/Type \/Font\s*\/Subtype \/(\w+)/g)].map((m) => m[1]!),
    descriptors: [...text.matchAll(/\/Type \/FontDescriptor/g)].length,
    fontFiles2: [...text.matchAll(/\/FontFile2 \d+ 0 R/g)].length,
  }
}

/** Renders a page to RGBA pixels at `scale`. */
export async function renderPage(pdf: PDFDocumentProxy, pageNumber: number, scale = 3): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const page = await pdf.getPage(pageNumber)
  const viewport = page.getViewport({ scale })
  const factory = (pdf as unknown as { canvasFactory: { create(w: number, h: number): { canvas: CanvasLike; context: CanvasContextLike } } }).canvasFactory
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise
  const image = context.getImageData(0, 0, canvas.width, canvas.height)
  return { data: image.data, width: canvas.width, height: canvas.height }
}

type CanvasLike = { width: number; height: number }
type CanvasContextLike = { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
