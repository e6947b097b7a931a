// Portable Text for the advice email, as HTML (through @portabletext/to-html) and as plain text with links written out.
// Links go through rules.isSafeLinkHref from @signpost/content: anything else stays plain text. In right-to-left text,
// numbers (tel: and sms: links) are kept left to right: dir="ltr" in HTML, Unicode isolates in plain text.
import {
  buildMarksTree,
  isPortableTextBlock,
  isPortableTextListItemBlock,
  isPortableTextToolkitSpan,
  isPortableTextToolkitTextNode,
  type ToolkitNestedPortableTextSpan,
  type ToolkitTextNode,
} from '@portabletext/toolkit'
import { escapeHTML, toHTML, type PortableTextHtmlComponents } from '@portabletext/to-html'
import { rules } from '@signpost/content'
import { isolateText, ltrAttribute } from './bidi.js'
import { emailStyles, type Direction } from './styles.js'

type Blocks = Parameters<typeof toHTML>[0]

/** tel: and sms: links: the content package marks every phone number and short code in running text with one. */
const isNumberLink = (href: string): boolean => /^(tel|sms):/i.test(href)

function componentsFor(dir: Direction): Partial<PortableTextHtmlComponents> {
  const css = emailStyles(dir)
  return {
    block: {
      normal: ({ children }) => `<p style="${css.p}">${children ?? ''}</p>`,
      // A section's own heading is an <h2>, so headings inside its body sit below it.
      h1: ({ children }) => `<h3 style="${css.h3}">${children ?? ''}</h3>`,
      h2: ({ children }) => `<h3 style="${css.h3}">${children ?? ''}</h3>`,
      h3: ({ children }) => `<h3 style="${css.h3}">${children ?? ''}</h3>`,
      h4: ({ children }) => `<h4 style="${css.h3}">${children ?? ''}</h4>`,
      blockquote: ({ children }) => `<blockquote style="${css.blockquote}">${children ?? ''}</blockquote>`,
    },
    list: {
      bullet: ({ children }) => `<ul style="${css.list}">${children ?? ''}</ul>`,
      number: ({ children }) => `<ol style="${css.list}">${children ?? ''}</ol>`,
    },
    listItem: ({ children }) => `<li style="${css.li}">${children ?? ''}</li>`,
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      link: ({ children, value }) => {
        const href: unknown = value?.href
        if (!rules.isSafeLinkHref(href)) return children
        const target = href.trim()
        const number = isNumberLink(target)
        return `<a href="${escapeHTML(target)}"${number ? ltrAttribute(dir) : ''} style="${number ? css.numberLink : css.link}">${children}</a>`
      },
    },
    // Unknown marks and types render their text only (or nothing): never raw markup.
    unknownMark: ({ children }) => children,
    unknownType: () => '',
    unknownBlockStyle: ({ children }) => `<p style="${css.p}">${children ?? ''}</p>`,
  }
}

const COMPONENTS: Record<Direction, Partial<PortableTextHtmlComponents>> = { ltr: componentsFor('ltr'), rtl: componentsFor('rtl') }

export function portableTextToHtml(blocks: unknown[], dir: Direction = 'ltr'): string {
  return toHTML(blocks as Blocks, { components: COMPONENTS[dir], onMissingComponent: false })
}

/** The number a tel:/sms: link dials, as a reader would type it: "+443001232040", "text DVS to 82228". */
function numberOf(href: string): string {
  const [, scheme, rest = ''] = /^(tel|sms):([^?]*)/i.exec(href) ?? []
  const body = /[?&]body=([^&]*)/.exec(href)?.[1]
  const number = decodeURIComponent(rest)
  return scheme?.toLowerCase() === 'sms' && body ? `text ${decodeURIComponent(body)} to ${number}` : number
}

/** Whether the link text already shows the number (its last ten digits, so 0300… matches +44300…). */
function numberWrittenIn(text: string, href: string): boolean {
  const digits = (/^(?:tel|sms):([^?]*)/i.exec(href)?.[1] ?? '').replace(/\D/g, '').slice(-10)
  return digits !== '' && text.replace(/\D/g, '').includes(digits)
}

function nodeText(node: ToolkitNestedPortableTextSpan | ToolkitTextNode | { _type: string }, dir: Direction): string {
  if (isPortableTextToolkitTextNode(node)) return node.text
  if (!isPortableTextToolkitSpan(node)) return ''
  const inner = node.children.map((c) => nodeText(c, dir)).join('')
  if (node.markType === 'link') {
    const href: unknown = (node.markDef as { href?: unknown } | undefined)?.href
    if (rules.isSafeLinkHref(href)) {
      const target = href.trim()
      // A number's link text is usually the number as written ("0300 123 2040", "text DVS to 82228"): nothing to add.
      if (isNumberLink(target)) return numberWrittenIn(inner, target) ? isolateText(inner, dir) : `${inner} (${isolateText(numberOf(target), dir)})`
      const shown = target.replace(/^mailto:/, '')
      return inner.includes(shown) ? inner : `${inner} (${isolateText(shown, dir)})`
    }
  }
  return inner
}

/** Plain text: paragraphs separated by blank lines, lists as "- " or "1. ", every safe link written out. */
export function portableTextToText(blocks: unknown[], dir: Direction = 'ltr'): string {
  const out: string[] = []
  const counters = new Map<number, number>()
  let previousWasList = false
  for (const block of blocks) {
    if (!isPortableTextBlock(block as never)) continue
    const b = block as Parameters<typeof buildMarksTree>[0]
    const line = buildMarksTree(b)
      .map((n) => nodeText(n, dir))
      .join('')
      .trim()
    if (isPortableTextListItemBlock(b)) {
      const level = b.level ?? 1
      for (const l of [...counters.keys()]) if (l > level) counters.delete(l)
      const n = (counters.get(level) ?? 0) + 1
      counters.set(level, n)
      const marker = b.listItem === 'number' ? `${n}.` : '-'
      const item = `${'   '.repeat(level - 1)}${marker} ${line}`
      if (previousWasList) out[out.length - 1] += `\n${item}`
      else out.push(item)
      previousWasList = true
    } else {
      counters.clear()
      out.push(line)
      previousWasList = false
    }
  }
  return out.join('\n\n')
}
