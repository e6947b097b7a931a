// Rich text as the model hands it to every channel: each UK phone number and text instruction written in a paragraph
// becomes an ordinary link annotation (tel:/sms:), so the site, the leaflet and the email all make it tappable.
import { findContactNumbers, type ContactNumber } from './rules/index.js'

type Span = { _type: 'span'; _key?: string; text: string; marks?: string[]; [key: string]: unknown }
type MarkDef = { _type: string; _key: string; [key: string]: unknown }
type Block = { _type: string; _key?: string; children?: unknown[]; markDefs?: MarkDef[]; [key: string]: unknown }

/** Stands in for an inline object in a paragraph's text, so no number is found across it. */
const OBJECT = '\ufffc'

const isSpan = (child: unknown): child is Span =>
  !!child && typeof child === 'object' && (child as Span)._type === 'span' && typeof (child as Span).text === 'string'

/** One block with its numbers linked; the same object when it has none (or they are already inside a link). */
function linkBlock(block: Block): Block {
  if (block._type !== 'block' || !Array.isArray(block.children)) return block
  const markDefs = Array.isArray(block.markDefs) ? block.markDefs : []
  const annotations = new Set(markDefs.map((d) => d?._key))
  const children = block.children
  const starts: number[] = []
  let text = ''
  for (const child of children) {
    starts.push(text.length)
    text += isSpan(child) ? child.text : OBJECT
  }
  const inAnnotation = (i: number) => {
    const c = children[i]
    return isSpan(c) && (c.marks ?? []).some((m) => annotations.has(m))
  }
  const found = findContactNumbers(text).filter((n) =>
    children.every((c, i) => {
      const start = starts[i] ?? 0
      const end = start + (isSpan(c) ? c.text.length : 1)
      return end <= n.start || start >= n.end || !inAnnotation(i)
    }),
  )
  if (found.length === 0) return block

  const keyed: Array<ContactNumber & { key: string }> = []
  let n = 0
  for (const number of found) {
    let key: string
    do key = `auto-${++n}`
    while (annotations.has(key))
    keyed.push({ ...number, key })
  }

  const newChildren: unknown[] = []
  children.forEach((child, i) => {
    if (!isSpan(child)) return newChildren.push(child)
    const start = starts[i] ?? 0
    const end = start + child.text.length
    const cuts = new Set([start, end])
    for (const k of keyed) for (const at of [k.start, k.end]) if (at > start && at < end) cuts.add(at)
    const points = [...cuts].sort((a, b) => a - b)
    if (points.length < 3 && !keyed.some((k) => k.start <= start && end <= k.end)) return newChildren.push(child)
    for (let p = 0; p < points.length - 1; p++) {
      const from = points[p] ?? start
      const to = points[p + 1] ?? end
      const link = keyed.find((k) => k.start <= from && to <= k.end)
      const marks = [...(child.marks ?? []), ...(link ? [link.key] : [])]
      const key = p === 0 ? child._key : `${child._key ?? 'span'}-${p}`
      newChildren.push({ ...child, ...(key === undefined ? {} : { _key: key }), text: text.slice(from, to), marks })
    }
  })
  return {
    ...block,
    markDefs: [...markDefs, ...keyed.map((k) => ({ _type: 'link', _key: k.key, href: k.href }))],
    children: newChildren,
  }
}

/**
 * Portable Text with every UK phone number and text instruction in running text marked as a link annotation
 * (`{ _type: 'link', _key: 'auto-<n>', href: 'tel:+443001232040' }`); only the number's own text carries the mark.
 * Text already inside a link (or any other annotation) is left alone. Numbers are found by the contact-point rules.
 */
export function linkContactNumbers<T extends { _type: string }>(blocks: T[]): T[] {
  return blocks.map((b) => linkBlock(b as unknown as Block) as unknown as T)
}
