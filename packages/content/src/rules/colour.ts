// The service's accent colour: one rule for the Studio and the content door, so the colour an editor picks is one
// every channel can use. The accent carries white text (the leaflet cover band, the site header) and is used as a
// heading and rule colour on white paper and screens, so it must reach WCAG AA for normal text (4.5:1) against
// white. Against the body text colour it only needs to look different, or headings in it lose their colour cue:
// below 1.5:1 is a warning, not an error (no WCAG criterion asks more of two dark colours that never overlap).
import { fail, pass, type RuleResult } from './result.js'

/** The body text colour every channel uses (@signpost/brand `colours.text`; a test keeps the two the same). */
export const TEXT_COLOUR = '#1b1b1f'
export const WHITE = '#ffffff'

/** WCAG 2.x AA contrast for normal-size text (success criterion 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5
/** Below this against the body text colour, the accent no longer reads as a colour of its own (warning only). */
export const MIN_DISTINCT_FROM_TEXT = 1.5

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i

/** `#rrggbb` in lower case from `#rgb`/`#rrggbb` (any case), or undefined when it is not a hex colour. */
export function parseHexColour(input: string): string | undefined {
  const m = HEX.exec(input.trim())
  if (!m) return undefined
  const hex = m[1]!.toLowerCase()
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`
}

function channel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const colour = parseHexColour(hex)
  if (!colour) throw new Error(`"${hex}" is not a #rrggbb colour.`)
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(colour.slice(i, i + 2), 16))) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2.x contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Ratios as people read them: rounded down to one decimal place, so 4.49 never shows as a passing "4.5". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`
}

/** The accent colour, normalised to `#rrggbb`; refused when white text on it would be hard to read. */
export function checkAccentColour(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('Add the accent colour as a hex code, for example #5b2a86.')
  }
  const colour = parseHexColour(input)
  if (!colour) return fail(`"${input}" is not a colour code. Use # and six letters or digits, for example #5b2a86.`)
  const ratio = contrastRatio(colour, WHITE)
  if (ratio < MIN_TEXT_CONTRAST) {
    return fail(
      `This colour is too light for white text on it, and for headings in it on a white page (contrast ${formatRatio(ratio)}; it needs at least ${MIN_TEXT_CONTRAST}:1). Choose a darker shade.`,
    )
  }
  return pass(colour)
}

/** A warning when the accent is so close to the body text colour that headings in it do not stand out; else undefined. */
export function accentColourWarning(input: unknown): string | undefined {
  const colour = typeof input === 'string' ? parseHexColour(input) : undefined
  if (!colour) return undefined
  const ratio = contrastRatio(colour, TEXT_COLOUR)
  if (ratio >= MIN_DISTINCT_FROM_TEXT) return undefined
  return `This colour is almost the same as the text colour (contrast ${formatRatio(ratio)} with ${TEXT_COLOUR}), so headings and bands in it will not stand out. Choose a brighter or more colourful shade that is still dark enough for white text.`
}
