// The font files the PDFs and the site load are really there, in the format each expects.
import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { fontFaceCss, pdfFonts, webFonts } from './fonts.js'

test('the PDF fonts are TrueType files that exist', () => {
  for (const file of Object.values(pdfFonts)) {
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe('00010000')
  }
})

test('every web font face points at a WOFF2 file that exists', () => {
  for (const f of webFonts) expect(readFileSync(f.file).subarray(0, 4).toString()).toBe('wOF2')
  expect(fontFaceCss('/fonts').match(/@font-face/g)).toHaveLength(webFonts.length)
})
