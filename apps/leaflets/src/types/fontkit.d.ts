// The little of fontkit 2 this package touches (fontkit ships no types): opening a font to hand to pdfkit.
declare module 'fontkit' {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean }
  export function create(buffer: Uint8Array): Font
}
