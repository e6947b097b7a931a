// Page geometry shared by the layout and the drawing: the page size (A4, or A5 for booklets), margins, the text
// column and the footer band.
import type { TypeScale } from '../format.js'
import type { PageSize } from './types.js'

export const A4 = { width: 595.28, height: 841.89 } as const
export const A5 = { width: 419.53, height: 595.28 } as const
export const PAGE_SIZES = { A4, A5 } as const
export type PageSizeName = keyof typeof PAGE_SIZES
export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as PageSizeName[]

/** A4's margin; A5 pages (booklets) keep a smaller one so the text column stays a useful width. */
export const MARGIN = 56
const MARGINS: Record<PageSizeName, number> = { A4: MARGIN, A5: 36 }

export type PageGeometry = {
  size: PageSize
  width: number
  height: number
  margin: number
  left: number
  right: number
  top: number
  /** Lowest y body text may reach; the footer sits below it. */
  bottom: number
  /** Top of the footer's text line. */
  footerY: number
  /** y of the rule above the footer. */
  footerRuleY: number
}

export function isPageSizeName(value: unknown): value is PageSizeName {
  return typeof value === 'string' && Object.hasOwn(PAGE_SIZES, value)
}

export function pageGeometry(type: TypeScale, sizeName: PageSizeName = 'A4'): PageGeometry {
  if (!isPageSizeName(sizeName)) throw new RangeError(`Unknown leaflet page size "${String(sizeName)}": use ${PAGE_SIZE_NAMES.join(' or ')}.`)
  const size = PAGE_SIZES[sizeName]
  const margin = MARGINS[sizeName]
  const footerLine = type.small * 1.25
  const footerY = size.height - margin + 8 - footerLine
  const footerRuleY = footerY - 8
  return {
    size: { width: size.width, height: size.height },
    width: size.width,
    height: size.height,
    margin,
    left: margin,
    right: size.width - margin,
    top: margin,
    bottom: footerRuleY - 12,
    footerY,
    footerRuleY,
  }
}
