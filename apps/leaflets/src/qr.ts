// The QR code back to the guide's web page, drawn as vector rectangles from the qrcode package's module matrix.
import QRCode from 'qrcode'
import type { RectOp } from './layout/types.js'

/** Modules of light margin the QR specification asks for around the code. */
export const QUIET_ZONE = 4

/**
 * Rectangles for the dark modules of the QR code for `text`, filling a `size` × `size` square at (x, y) including
 * the quiet zone. Runs of dark modules in a row become one rectangle, which keeps the file small.
 */
export function qrRects(text: string, x: number, y: number, size: number): RectOp[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const cell = size / (n + 2 * QUIET_ZONE)
  const rects: RectOp[] = []
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.get(row, col)) col++
      rects.push({ kind: 'rect', x: x + (start + QUIET_ZONE) * cell, y: y + (row + QUIET_ZONE) * cell, w: (col - start) * cell, h: cell })
    }
  }
  return rects
}
