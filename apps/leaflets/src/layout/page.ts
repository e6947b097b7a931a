// A4 portrait page geometry shared by the layout and the drawing: margins, the text column, the footer band.
import type { TypeScale } from '../format.js'

export const A4 = { width: 595.28, height: 841.89 } as const
export const MARGIN = 56

export type PageGeometry = {
  width: number
  height: number
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

export function pageGeometry(type: TypeScale): PageGeometry {
  const footerLine = type.small * 1.25
  const footerY = A4.height - MARGIN + 8 - footerLine
  const footerRuleY = footerY - 8
  return {
    width: A4.width,
    height: A4.height,
    left: MARGIN,
    right: A4.width - MARGIN,
    top: MARGIN,
    bottom: footerRuleY - 12,
    footerY,
    footerRuleY,
  }
}
