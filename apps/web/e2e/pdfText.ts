// Reads a PDF the browser printed, with pdfjs-dist: each run of text with the fill colour it is painted in, from
// the page's own drawing operators (so white-on-white text is caught, which text extraction alone would miss).
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PrintedRun = { page: number; text: string; fill: string }

type Glyph = { unicode?: string } | number | null

export async function printedRuns(pdf: Uint8Array): Promise<PrintedRun[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise
  const runs: PrintedRun[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList()
    const stack: string[] = []
    let fill = '#000000'
    let current: PrintedRun | undefined
    const end = () => {
      if (current && current.text.trim()) runs.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() })
      current = undefined
    }
    for (let i = 0; i < fnArray.length; i++) {
      const op = fnArray[i]
      const args = argsArray[i] as unknown[] | null
      if (op === OPS.save) stack.push(fill)
      else if (op === OPS.restore) fill = stack.pop() ?? fill
      else if (op === OPS.setFillRGBColor || op === OPS.setFillColor) {
        const colour = String(args?.[0] ?? fill).toLowerCase()
        if (colour !== fill) end()
        fill = colour
      } else if (op === OPS.showText) {
        const glyphs = (args?.[0] ?? []) as Glyph[]
        const text = glyphs.map((g) => (g && typeof g === 'object' ? (g.unicode ?? '') : '')).join('')
        if (!current) current = { page: n, text: '', fill }
        current.text += text
      } else if (op === OPS.endText) end()
    }
    end()
  }
  await doc.destroy()
  return runs
}

/** WCAG relative-luminance contrast between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const channel = (hex: string, at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5)
  const [x, y] = [luminance(a), luminance(b)]
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}
