// Reads imposed booklets back for the tests: the text on the left and right half of each A4 landscape sheet side,
// and what each half should show (the A5 leaflet's own pages in saddle-stitch order, padding blanks before the back).
import { saddleStitchSides } from '../booklet.js'
import { BLANK_PAGE_TEXT } from '../pack.js'
import { openPdf, plainText, textItems } from './pdf.js'

export type Side = {
  left: string
  right: string
  /** Width and height in whole points. */
  size: [number, number]
  /** Text that runs across the fold (there should be none). */
  onFold: string[]
}

/** For each sheet side, the text on its left and right halves ('' where the half is empty), and its size. */
export async function sheetSides(bytes: Buffer): Promise<Side[]> {
  const pdf = await openPdf(bytes)
  const items = await textItems(pdf)
  const out: Side[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const [x0, y0, x1, y1] = (await pdf.getPage(p)).view as [number, number, number, number]
    const middle = (x1 - x0) / 2
    const onPage = items.filter((i) => i.page === p)
    out.push({
      left: plainText(onPage.filter((i) => i.x < middle)),
      right: plainText(onPage.filter((i) => i.x >= middle)),
      size: [Math.round(x1 - x0), Math.round(y1 - y0)],
      onFold: onPage.filter((i) => i.x < middle && i.x + i.width > middle + 0.5).map((i) => i.str),
    })
  }
  return out
}

/** The halves only, for comparing with `expectedSides`. */
export function halvesOf(sides: Side[]): Array<{ left: string; right: string }> {
  return sides.map(({ left, right }) => ({ left, right }))
}

/** What each side should show: the A5 leaflet's own page texts in saddle-stitch order, the blank's words for padding. */
export function expectedSides(a5Pages: string[], backPages = 1): Array<{ left: string; right: string }> {
  return saddleStitchSides(a5Pages.length, backPages).map(({ left, right }) => ({
    left: left === null ? BLANK_PAGE_TEXT : (a5Pages[left - 1] ?? ''),
    right: right === null ? BLANK_PAGE_TEXT : (a5Pages[right - 1] ?? ''),
  }))
}

/**
 * The halves of a folded booklet's sides put back in the order a reader turns the pages, by where the fold puts
 * each page (sheet s front: [n-2s, 2s+1], back: [2s+2, n-2s-1]); independent of saddleStitchSides' padding.
 */
export function readingOrder<T>(sides: Array<{ left: T; right: T }>): T[] {
  const n = sides.length * 2
  const pages = new Array<T>(n)
  sides.forEach(({ left, right }, i) => {
    const s = Math.floor(i / 2)
    const [l, r] = i % 2 === 0 ? [n - 2 * s, 2 * s + 1] : [2 * s + 2, n - 2 * s - 1]
    pages[l - 1] = left
    pages[r - 1] = right
  })
  return pages
}
