// The QR code back to the guide's web page, drawn as vector rectangles from the qrcode package's module matrix.
import QRCode from 'qrcode'
import type { GridOp } from './layout/types.js'

/** Modules of light margin the QR specification asks for around the code. */
const QUIET_ZONE = 4

/**
 * A QR symbol as rectangles of dark modules: [row, column, width, height] in modules, and the symbol's size.
 * Each row's runs of dark modules are joined with the identical run in the rows below, which saves about a fifth
 * of the rectangles (each is a line in the page's content stream, to be written and compressed).
 */
type Runs = { size: number; runs: Int16Array }

/** Encoded symbols by text. Encoding (mask selection especially) costs far more than drawing, and a guide's URL
 * rarely changes, so each URL is encoded once; capped so a long-running process stays small. */
const MAX_CACHED = 512
const cache = new Map<string, Runs>()

function runsFor(text: string): Runs {
  const hit = cache.get(text)
  if (hit) {
    // Least recently used first: move a hit to the end of the Map's insertion order.
    cache.delete(text)
    cache.set(text, hit)
    return hit
  }
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const rects: [number, number, number, number][] = []
  /** Rectangles reaching the previous row, by starting column. */
  let open = new Map<number, [number, number, number, number]>()
  for (let row = 0; row < n; row++) {
    const next = new Map<number, [number, number, number, number]>()
    let col = 0
    while (col < n) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.get(row, col)) col++
      const above = open.get(start)
      if (above && above[2] === col - start) {
        above[3]++
        next.set(start, above)
      } else {
        const rect: [number, number, number, number] = [row, start, col - start, 1]
        rects.push(rect)
        next.set(start, rect)
      }
    }
    open = next
  }
  const runs = rects.flat()
  const made = { size: n, runs: Int16Array.from(runs) }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(text, made)
  return made
}

/**
 * The dark modules of the QR code for `text`, filling a `size` × `size` square at (x, y) including the quiet zone,
 * as rectangles on the module grid (see Runs), which keeps the file small.
 */
export function qrGrid(text: string, x: number, y: number, size: number): GridOp {
  const { size: n, runs } = runsFor(text)
  const cell = size / (n + 2 * QUIET_ZONE)
  return { kind: 'grid', x: x + QUIET_ZONE * cell, y: y + QUIET_ZONE * cell, cell, cells: runs }
}
