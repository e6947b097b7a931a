// Inline styles for the advice email, from the brand tokens: email clients drop <style> blocks and external CSS.
import { colours, fontFamily, screenType, spacing } from '@signpost/brand'

const font = `font-family:${fontFamily.replace(/"/g, "'")};`
const text = `color:${colours.text};font-size:${screenType.body}px;line-height:${screenType.lineHeight};`

/** Phone numbers and short codes never break across lines (a number split in two is misdialled). */
const noWrap = 'white-space:nowrap;'

export const css = {
  body: `margin:0;padding:0;background-color:${colours.background};${font}${text}`,
  wrapper: `max-width:640px;margin:0 auto;padding:${spacing.m}px;box-sizing:border-box;word-wrap:break-word;overflow-wrap:break-word;`,
  h1: `${font}color:${colours.brandDark};font-size:${screenType.h1}px;line-height:1.25;margin:${spacing.m}px 0 ${spacing.m}px;font-weight:700;`,
  h2: `${font}color:${colours.brandDark};font-size:${screenType.h2}px;line-height:1.3;margin:${spacing.xl}px 0 ${spacing.s}px;font-weight:700;`,
  h3: `${font}color:${colours.text};font-size:${screenType.h3}px;line-height:1.3;margin:${spacing.l}px 0 ${spacing.s}px;font-weight:700;`,
  p: `${font}${text}margin:0 0 ${spacing.m}px;`,
  small: `${font}color:${colours.muted};font-size:${screenType.small}px;line-height:${screenType.lineHeight};margin:0 0 ${spacing.s}px;`,
  list: `${font}${text}margin:0 0 ${spacing.m}px;padding-left:${spacing.l}px;`,
  li: `margin:0 0 ${spacing.s}px;`,
  blockquote: `${font}${text}margin:0 0 ${spacing.m}px;padding-left:${spacing.m}px;border-left:4px solid ${colours.border};`,
  contacts: `list-style:none;margin:0 0 ${spacing.m}px;padding:0;${font}${text}`,
  contact: `margin:0 0 ${spacing.s}px;`,
  link: `color:${colours.link};text-decoration:underline;`,
  phone: `color:${colours.link};text-decoration:underline;font-weight:700;font-size:${screenType.h3}px;${noWrap}`,
  /** A tel: or sms: link in running text: the link style, and the number kept on one line like a contact point's. */
  numberLink: `color:${colours.link};text-decoration:underline;${noWrap}`,
  identity: `${font}color:${colours.brandDark};font-size:${screenType.small}px;line-height:1.3;margin:0;font-weight:700;`,
  notice: `${font}${text}background-color:${colours.surface};border-left:6px solid ${colours.emergency};padding:${spacing.s}px ${spacing.m}px;margin:0 0 ${spacing.m}px;font-weight:700;`,
  card: `border:1px solid ${colours.border};border-radius:4px;padding:0 ${spacing.m}px;margin:0 0 ${spacing.m}px;`,
  rule: `border:0;border-top:1px solid ${colours.border};margin:${spacing.xl}px 0 ${spacing.m}px;`,
} as const
