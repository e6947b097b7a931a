// Inline styles for the advice email, from the brand tokens: email clients drop <style> blocks and external CSS.
// One set per writing direction: a right-to-left email (Urdu) is right-aligned, its lists indent from the right and
// its notice and quote bars sit on the right, all in inline styles, because many clients ignore dir on <html>.
import { colours, fontFamily, screenType, spacing } from '@signpost/brand'

export type Direction = 'ltr' | 'rtl'

/** Arabic-script text has no font in the email (nothing remote): the reader's own Urdu/Arabic fonts, with room for Nastaliq's tall letters. */
const ARABIC_SCRIPT_FONTS = `'Noto Nastaliq Urdu', 'Jameel Noori Nastaleeq', 'Urdu Typesetting', 'Noto Naskh Arabic', Tahoma, `
const RTL_LINE_HEIGHT = 1.9

/** Phone numbers and short codes never break across lines (a number split in two is misdialled). */
const noWrap = 'white-space:nowrap;'

function stylesFor(dir: Direction) {
  const rtl = dir === 'rtl'
  const font = `font-family:${(rtl ? ARABIC_SCRIPT_FONTS : '') + fontFamily.replace(/"/g, "'")};`
  const lineHeight = rtl ? RTL_LINE_HEIGHT : screenType.lineHeight
  const text = `color:${colours.text};font-size:${screenType.body}px;line-height:${lineHeight};`
  // The start and end sides: left and right in English, the other way round in Urdu.
  const start = rtl ? 'right' : 'left'
  const align = rtl ? 'text-align:right;' : ''
  return {
    body: `margin:0;padding:0;background-color:${colours.background};${font}${text}`,
    wrapper: `max-width:640px;margin:0 auto;padding:${spacing.m}px;box-sizing:border-box;word-wrap:break-word;overflow-wrap:break-word;${rtl ? 'direction:rtl;text-align:right;' : ''}`,
    h1: `${font}color:${colours.brandDark};font-size:${screenType.h1}px;line-height:${rtl ? 1.6 : 1.25};margin:${spacing.m}px 0 ${spacing.m}px;font-weight:700;${align}`,
    h2: `${font}color:${colours.brandDark};font-size:${screenType.h2}px;line-height:${rtl ? 1.7 : 1.3};margin:${spacing.xl}px 0 ${spacing.s}px;font-weight:700;${align}`,
    h3: `${font}color:${colours.text};font-size:${screenType.h3}px;line-height:${rtl ? 1.7 : 1.3};margin:${spacing.l}px 0 ${spacing.s}px;font-weight:700;${align}`,
    p: `${font}${text}margin:0 0 ${spacing.m}px;${align}`,
    small: `${font}color:${colours.muted};font-size:${screenType.small}px;line-height:${lineHeight};margin:0 0 ${spacing.s}px;${align}`,
    list: `${font}${text}margin:0 0 ${spacing.m}px;padding-${start}:${spacing.l}px;${rtl ? 'padding-left:0;' : ''}${align}`,
    li: `margin:0 0 ${spacing.s}px;`,
    blockquote: `${font}${text}margin:0 0 ${spacing.m}px;padding-${start}:${spacing.m}px;border-${start}:4px solid ${colours.border};${align}`,
    contacts: `list-style:none;margin:0 0 ${spacing.m}px;padding:0;${font}${text}${align}`,
    contact: `margin:0 0 ${spacing.s}px;`,
    link: `color:${colours.link};text-decoration:underline;`,
    phone: `color:${colours.link};text-decoration:underline;font-weight:700;font-size:${screenType.h3}px;${noWrap}`,
    /** A tel: or sms: link in running text: the link style, and the number kept on one line like a contact point's. */
    numberLink: `color:${colours.link};text-decoration:underline;${noWrap}`,
    identity: `${font}color:${colours.brandDark};font-size:${screenType.small}px;line-height:${rtl ? 1.6 : 1.3};margin:0;font-weight:700;${align}`,
    notice: `${font}${text}background-color:${colours.surface};border-${start}:6px solid ${colours.emergency};padding:${spacing.s}px ${spacing.m}px;margin:0 0 ${spacing.m}px;font-weight:700;${align}`,
    /** The note on a translation (not yet checked, or older than the English): visible, but quieter than the 999 notice. */
    translationNotice: `${font}${text}background-color:${colours.surface};border-${start}:6px solid ${colours.border};padding:${spacing.s}px ${spacing.m}px;margin:0 0 ${spacing.m}px;${align}`,
    card: `border:1px solid ${colours.border};border-radius:4px;padding:0 ${spacing.m}px;margin:0 0 ${spacing.m}px;`,
    rule: `border:0;border-top:1px solid ${colours.border};margin:${spacing.xl}px 0 ${spacing.m}px;`,
  } as const
}

export type EmailStyles = ReturnType<typeof stylesFor>

const STYLES: Record<Direction, EmailStyles> = { ltr: stylesFor('ltr'), rtl: stylesFor('rtl') }

/** The inline styles for an email written in this direction. */
export function emailStyles(dir: Direction): EmailStyles {
  return STYLES[dir]
}

/** Left-to-right styles (English, Welsh, Polish). */
export const css = STYLES.ltr
