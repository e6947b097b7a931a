// Where the brand font files are: TTF for PDFs (fontkit needs TTF/OTF, and crashes on WOFF2), WOFF2 subsets for the web.
// PDFs: Atkinson Hyperlegible Next for Latin (it covers Welsh ŵ ŷ and Polish ą ę ł ń ś ź ż), Noto Naskh Arabic for
// Arabic script (Urdu). Naskh rather than Nastaliq: fontkit 2.0.4 throws on Noto Nastaliq Urdu's cursive attachment
// (a null anchor in its curs lookup) for everyday words such as ہفتے and پیچھے, and shapes others differently from
// HarfBuzz, while Noto Naskh Arabic shapes glyph for glyph and position for position as HarfBuzz does (tested in
// apps/leaflets), with a line height of 1.7 em instead of Nastaliq's 2.5.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const pdfFonts = {
  regular: require.resolve('@expo-google-fonts/atkinson-hyperlegible-next/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/atkinson-hyperlegible-next/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf'),
  arabic: require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
  arabicBold: require.resolve('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf'),
} as const

export type WebFont = { file: string; name: string; weight: 400 | 700; unicodeRange: string }

const LATIN =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'
const LATIN_EXT =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF'

const web = (subset: 'latin' | 'latin-ext', weight: 400 | 700): WebFont => {
  const name = `atkinson-hyperlegible-next-${subset}-${weight}-normal.woff2`
  return { file: require.resolve(`@fontsource/atkinson-hyperlegible-next/files/${name}`), name, weight, unicodeRange: subset === 'latin' ? LATIN : LATIN_EXT }
}

export const webFonts: WebFont[] = [web('latin', 400), web('latin', 700), web('latin-ext', 400), web('latin-ext', 700)]

/** @font-face rules for the web fonts, served from `${base}/<file name>`. */
export function fontFaceCss(base: string): string {
  return webFonts
    .map(
      (f) =>
        `@font-face{font-family:'Atkinson Hyperlegible Next';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${base}/${f.name}) format('woff2');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n')
}
