// The little of fontkit 2 this package touches (fontkit ships no types): opening a font to hand to pdfkit.
declare module 'fontkit' {
  export type Font = { postscriptName: string; layout(text: string): unknown; hasGlyphForCodePoint(codePoint: number): boolean }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
