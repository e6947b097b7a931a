// Turns a section's Portable Text into the leaflet's blocks: paragraphs of styled runs and (nested) lists.
// On paper a link cannot be clicked, so its address is written out after its text.
import {
  buildMarksTree,
  isPortableTextBlock,
  isPortableTextToolkitList,
  isPortableTextToolkitSpan,
  isPortableTextToolkitTextNode,
  nestLists,
  type ToolkitPortableTextDirectList,
} from '@portabletext/toolkit'
import type { PortableTextBlock, TypedObject } from '@portabletext/types'
import { rules } from '@signpost/content'
import type { LinkRef, Run } from './layout/flow.js'

export type ParagraphBlock = { kind: 'paragraph'; style: string; runs: Run[] }
export type ListItem = { runs: Run[]; lists: ListBlock[] }
export type ListBlock = { kind: 'list'; ordered: boolean; items: ListItem[] }
export type Block = ParagraphBlock | ListBlock

export function blocksFromPortableText(body: TypedObject[]): Block[] {
  const out: Block[] = []
  for (const node of nestLists(body, 'direct')) {
    if (isPortableTextToolkitList(node)) out.push(listBlock(node as ToolkitPortableTextDirectList))
    else if (isPortableTextBlock(node)) out.push({ kind: 'paragraph', style: node.style ?? 'normal', runs: runsOf(node) })
  }
  return out.filter((b) => b.kind === 'list' || b.runs.some((r) => r.text.trim() !== ''))
}

function listBlock(list: ToolkitPortableTextDirectList): ListBlock {
  const items: ListItem[] = []
  for (const child of list.children) {
    if (isPortableTextToolkitList(child)) {
      const sub = listBlock(child as ToolkitPortableTextDirectList)
      const last = items.at(-1)
      if (last) last.lists.push(sub)
      else items.push({ runs: [], lists: [sub] })
    } else {
      items.push({ runs: runsOf(child), lists: [] })
    }
  }
  return { kind: 'list', ordered: list.listItem === 'number', items }
}

/** The address as written on paper: no scheme for web addresses, the bare address or number otherwise. */
function writtenAddress(href: string): string {
  if (/^(mailto|tel|sms):/i.test(href)) return href.replace(/^[a-z]+:/i, '').replace(/\?.*$/, '')
  return rules.displayUrl(href)
}

/**
 * Whether a link's text already shows where it goes: the address itself, or for a phone number or short code
 * (tel:, sms:) the same digits however they are spaced ("0300 123 2040" for tel:+443001232040).
 */
function showsAddress(text: string, href: string, written: string): boolean {
  if (text.trim() === written) return true
  if (!/^(tel|sms):/i.test(href)) return false
  const digits = (s: string) => s.replace(/\D/g, '')
  const number = digits(written).replace(/^44/, '0')
  return number.length > 0 && digits(text).replace(/^44/, '0').includes(number)
}

function runsOf(block: PortableTextBlock): Run[] {
  const runs: Run[] = []
  const walk = (nodes: ReturnType<typeof buildMarksTree>, bold: boolean, link?: LinkRef) => {
    for (const node of nodes) {
      if (isPortableTextToolkitTextNode(node)) {
        runs.push(link ? { text: node.text, bold, link } : { text: node.text, bold })
      } else if (isPortableTextToolkitSpan(node)) {
        const href = node.markDef?._type === 'link' ? (node.markDef as { href?: unknown }).href : undefined
        if (rules.isSafeLinkHref(href)) {
          const ref: LinkRef = { href: href.trim() }
          const start = runs.length
          walk(node.children as ReturnType<typeof buildMarksTree>, bold, ref)
          const written = writtenAddress(ref.href)
          const text = runs
            .slice(start)
            .map((r) => r.text)
            .join('')
          if (!showsAddress(text, ref.href, written)) runs.push({ text: ` (${written})`, bold, link: ref })
        } else {
          // Emphasis is bold on paper: clear print uses no italics.
          const strong = ['strong', 'em'].includes(node.markType)
          walk(node.children as ReturnType<typeof buildMarksTree>, bold || strong, link)
        }
      }
    }
  }
  walk(buildMarksTree(block), false)
  return runs
}
