// Lines of text as a reader sees them on the page, rebuilt from pdfjs text item positions (items sharing a
// baseline on a page form a line, read left to right), and the raw content streams, for the layout tests.
import { inflateSync } from 'node:zlib'
import type { TextItem } from './pdf.js'

export type PageLine = { page: number; y: number; text: string; items: TextItem[] }

export function pageLines(items: TextItem[]): PageLine[] {
  const lines: PageLine[] = []
  for (const item of items) {
    const line = lines.find((l) => l.page === item.page && Math.abs(l.y - item.y) < 1.5)
    if (line) line.items.push(item)
    else lines.push({ page: item.page, y: item.y, text: '', items: [item] })
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x)
    // A gap between two items is a space (pdfjs leaves the space glyphs out of the items' strings).
    line.text = line.items
      .map((item, i) => {
        const before = line.items[i - 1]
        return before && item.x > before.x + before.width + item.size * 0.1 && !/\s$/.test(before.str) ? ` ${item.str}` : item.str
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
  }
  return lines.sort((a, b) => a.page - b.page || b.y - a.y)
}

/**
 * Tokens (numbers, addresses) that run across a line break: found when the lines are joined with a space or with
 * nothing, but not within any one line. Returns each such token with the two lines it is split between.
 */
export function splitTokens(lines: PageLine[], tokens: string[]): { token: string; at: string }[] {
  const found: { token: string; at: string }[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.text
    const b = lines[i + 1]!.text
    for (const token of tokens) {
      for (const joined of [`${a} ${b}`, `${a}${b}`]) {
        let from = 0
        for (;;) {
          const at = joined.indexOf(token, from)
          if (at < 0) break
          if (at < a.length && at + token.length > a.length) found.push({ token, at: `"${a}" | "${b}"` })
          from = at + 1
        }
      }
    }
  }
  return found
}

/** The page content streams, inflated (pdfkit compresses them with Flate). */
export function contentStreams(bytes: Buffer): string[] {
  const text = bytes.toString('latin1')
  const out: string[] = []
  const re = /stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length
    const end = text.indexOf('endstream', start)
    if (end < 0) break
    const dict = text.slice(Math.max(0, text.lastIndexOf('<<', m.index)), m.index)
    if (/FlateDecode/.test(dict)) {
      try {
        out.push(inflateSync(bytes.subarray(start, end)).toString('latin1'))
      } catch {
        // not a content stream we can read (an image, say)
      }
    }
    re.lastIndex = end + 'endstream'.length
  }
  return out.filter((s) => /\bBT\b|\bre\b/.test(s) && /BDC|BMC/.test(s))
}
