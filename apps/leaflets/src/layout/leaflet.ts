// What a leaflet says and in which order: the front (title, summary, first action, local support), the sections,
// the steps, every contact point of every organisation, and the QR code. Everything comes from the GuideView.
import type { ContactPoint, GuideView, Organisation } from '@signpost/content'
import { measure } from '../fonts.js'
import { typeScale, type LeafletFormat } from '../format.js'
import { blocksFromPortableText, type Block, type ListBlock } from '../portableText.js'
import { qrGrid } from '../qr.js'
import { Flow, type Run } from './flow.js'
import { pageGeometry } from './page.js'
import type { LeafletLayout, StructNode } from './types.js'

export function layoutLeaflet(view: GuideView, format: LeafletFormat = 'standard'): LeafletLayout {
  const type = typeScale(format)
  const flow = new Flow(pageGeometry(type), type, measure())
  const { guide } = view
  const body = type.body
  const gap = body * 0.6
  const bodyLine = flow.lineHeight(body)

  const heading = (level: 'H1' | 'H2' | 'H3', text: string, keep = bodyLine) => {
    const size = level === 'H1' ? type.h1 : level === 'H2' ? type.h2 : type.h3
    if (level !== 'H1') flow.space(level === 'H2' ? body : gap)
    const node = flow.element(null, level)
    flow.text(node, [{ text }], { size, bold: true, keepWithNext: keep + gap * 0.5 })
    flow.space(gap * 0.5)
  }
  const paragraph = (runs: Run[], options: { size?: number; bold?: boolean; keepWithNext?: number } = {}) => {
    const node = flow.element(null, 'P')
    flow.text(node, runs, { size: options.size ?? body, bold: options.bold, keepWithNext: options.keepWithNext })
    flow.space(gap)
  }
  const phoneLine = (org: Organisation) => {
    const phone = firstPhone(org)
    if (!phone) return
    paragraph([{ text: phone.display, bold: true, link: { href: phone.href } }], { size: type.phone })
  }

  // Front: title, summary, the single most important action, the local support service.
  heading('H1', guide.title, bodyLine * 2)
  paragraph([{ text: guide.summary }])

  const first = view.firstStep
  if (first) {
    heading('H2', 'What to do first', bodyLine + flow.lineHeight(type.phone))
    paragraph([{ text: first.text }], { keepWithNext: first.organisationView && firstPhone(first.organisationView) ? flow.lineHeight(type.phone) : 0 })
    if (first.organisationView) phoneLine(first.organisationView)
  }

  const support = view.primarySupport
  if (support) {
    flow.space(body)
    const startPage = flow.page
    const startY = flow.y
    heading('H2', `Free support in ${view.area.name}`, bodyLine + flow.lineHeight(type.phone))
    const q = qualities(support)
    paragraph([{ text: support.name, bold: true }, { text: q ? ` is ${q}.` : '' }])
    phoneLine(support)
    for (const cp of support.contactPoints) {
      if (cp.kind === 'phone' && cp.hours && cp === firstPhone(support)) paragraph([{ text: `Open ${cp.hours}` }])
      if (cp.kind === 'sms') paragraph([{ text: cp.instruction, bold: true, link: { href: cp.href } }], { size: type.h3 })
    }
    bar(flow, startPage, startY)
  }

  // The guide's sections.
  for (const section of guide.sections) {
    heading('H2', section.heading)
    for (const block of blocksFromPortableText(section.body)) layBlock(flow, block)
  }

  // The steps, numbered.
  if (view.steps.length) {
    heading('H2', 'What you can do')
    const list = flow.element(null, 'L')
    view.steps.forEach((step, i) => {
      const runs: Run[] = [{ text: step.text }]
      const phone = step.organisationView ? firstPhone(step.organisationView) : undefined
      if (step.organisationView && phone) runs.push({ text: ` ${step.organisationView.name}: ` }, { text: phone.display, bold: true, link: { href: phone.href } })
      listItem(flow, list, `${i + 1}.`, runs, 0, labelWidth(flow, view.steps.length))
    })
    flow.space(gap)
  }

  // Every contact point of every organisation that serves the area.
  if (view.organisations.length) {
    heading('H2', 'Who can help')
    if (guide.organisationsIntro) paragraph([{ text: guide.organisationsIntro }])
    for (const org of view.organisations) {
      heading('H3', org.name, bodyLine * 2)
      const q = qualities(org)
      paragraph([{ text: org.description }, ...(q ? [{ text: ` ${capitalise(q)}.`, bold: true }] : [])])
      if (org.contactPoints.length) {
        const list = flow.element(null, 'L')
        const width = Math.max(...org.contactPoints.map((cp) => flow.measure.width(contactLabel(cp), 'bold', body))) + body
        for (const cp of org.contactPoints) listItem(flow, list, contactLabel(cp), contactRuns(cp), 0, width, true)
        flow.space(gap)
      }
    }
  }

  // The QR code back to the guide's page, with the address written under it.
  const qrSize = format === 'large-print' ? 130 : 100
  heading('H2', 'Read this guide online', qrSize)
  flow.ensure(qrSize)
  const y = flow.y
  const x = flow.geo.left
  const figure = flow.element(null, 'Figure', { alt: `QR code linking to ${guide.url}`, bbox: [x, y, x + qrSize, y + qrSize] })
  flow.add(figure, qrGrid(guide.url, x, y, qrSize))
  const beside = qrSize + body
  const url = flow.element(null, 'P')
  flow.text(url, [{ text: 'Scan the code with a phone camera, or type this address:' }], { size: body, indent: beside })
  flow.text(url, [{ text: guide.url, bold: true, link: { href: guide.url } }], { size: body, indent: beside })
  flow.y = Math.max(flow.y, y + qrSize)
  flow.space(gap)

  return flow.finish(view.checkedLine)
}

/** A top-level block of a section's body. */
function layBlock(flow: Flow, block: Block): void {
  const body = flow.type.body
  if (block.kind === 'paragraph') {
    const sub = /^h\d$/.test(block.style)
    const node = flow.element(null, sub ? 'H3' : 'P')
    flow.text(node, block.runs, {
      size: sub ? flow.type.h3 : body,
      bold: sub,
      indent: block.style === 'blockquote' ? body : 0,
      keepWithNext: sub ? flow.lineHeight(body) : 0,
    })
  } else {
    layList(flow, null, block, 0)
  }
  flow.space(body * 0.6)
}

function layList(flow: Flow, parent: StructNode | null, block: ListBlock, indent: number): void {
  const list = flow.element(parent, 'L')
  const width = block.ordered ? labelWidth(flow, block.items.length) : flow.type.body * 1.2
  block.items.forEach((item, i) => {
    const li = listItem(flow, list, block.ordered ? `${i + 1}.` : '•', item.runs, indent, width)
    const lbody = li.children.find((c): c is StructNode => 'type' in c && c.type === 'LBody')!
    for (const sub of item.lists) layList(flow, lbody, sub, indent + width)
  })
}

/** One list item: a label (Lbl) in the left column and its text (LBody) beside it, kept on the same page. */
function listItem(flow: Flow, list: StructNode, label: string, runs: Run[], indent: number, labelColumn: number, boldLabel = false): StructNode {
  const size = flow.type.body
  const li = flow.element(list, 'LI')
  flow.ensure(flow.lineHeight(size))
  if (label) {
    const lbl = flow.element(li, 'Lbl')
    flow.add(lbl, { kind: 'text', x: flow.geo.left + indent, y: flow.y, text: label, font: boldLabel ? 'bold' : 'regular', size })
  }
  const lbody = flow.element(li, 'LBody')
  if (runs.length) flow.text(lbody, runs, { size, indent: indent + labelColumn })
  flow.space(size * 0.3)
  return li
}

function labelWidth(flow: Flow, count: number): number {
  return flow.measure.width(`${count}.`, 'regular', flow.type.body) + flow.type.body * 0.6
}

/** A thick black bar down the left of a block (decoration, drawn as an artifact), page by page. */
function bar(flow: Flow, startPage: number, startY: number): void {
  const x = flow.geo.left - 14
  for (let page = startPage; page <= flow.page; page++) {
    const top = page === startPage ? startY : flow.geo.top
    const bottom = page === flow.page ? flow.y - flow.type.body * 0.6 : flow.geo.bottom
    if (bottom > top) flow.artifact({ kind: 'rect', x, y: top, w: 4, h: bottom - top }, page)
  }
}

function firstPhone(org: Organisation) {
  return org.contactPoints.find((cp) => cp.kind === 'phone')
}

function qualities(org: Organisation): string {
  return [org.free ? 'free' : '', org.confidential ? 'confidential' : ''].filter(Boolean).join(' and ')
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function contactLabel(cp: ContactPoint): string {
  return { phone: 'Phone', sms: 'Text', website: 'Website', email: 'Email' }[cp.kind]
}

function contactRuns(cp: ContactPoint): Run[] {
  switch (cp.kind) {
    case 'phone': {
      const runs: Run[] = [{ text: cp.display, bold: true, link: { href: cp.href } }]
      const notes = [cp.label, cp.hours ? `open ${cp.hours}` : '', cp.freeToCall ? 'free to call' : ''].filter(Boolean)
      if (notes.length) runs.push({ text: ` (${notes.join(', ')})` })
      return runs
    }
    case 'sms':
      return [{ text: cp.instruction, bold: true, link: { href: cp.href } }, ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
    case 'website':
      return [{ text: cp.display, bold: true, link: { href: cp.url } }, ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
    case 'email':
      return [{ text: cp.address, bold: true, link: { href: cp.href } }, ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
  }
}
