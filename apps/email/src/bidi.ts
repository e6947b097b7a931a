// Numbers, short codes and addresses inside right-to-left text: in an Urdu sentence "0800 612 6505" would otherwise be
// laid out as "6505 612 0800" (the Unicode Bidirectional Algorithm orders digit groups separated by spaces right to
// left). HTML marks them dir="ltr" (an isolate in every engine that knows dir); plain text wraps them in the Unicode
// isolates LRI … PDI, which carry the same meaning in any client that lays out bidirectional text.
import type { Direction } from './styles.js'

/** RIGHT-TO-LEFT MARK: an invisible right-to-left letter that sets a plain-text line's direction. */
export const RLM = '\u200f'

/** LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE. */
export const LRI = '\u2066'
export const PDI = '\u2069'

/** Plain text: a left-to-right run (number, address) kept in its own order inside right-to-left text. */
export function isolateText(text: string, dir: Direction): string {
  return dir === 'rtl' && text !== '' ? `${LRI}${text}${PDI}` : text
}

/** HTML: the attribute that isolates a left-to-right run in right-to-left text (none in left-to-right text). */
export function ltrAttribute(dir: Direction): string {
  return dir === 'rtl' ? ' dir="ltr"' : ''
}
