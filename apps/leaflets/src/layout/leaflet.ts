// What a leaflet says, in which order and how it looks. The cover: the service's identity on a band of its accent
// colour, the title, the 999 notice, the one thing to do now and the local service, with their numbers labelled
// in large type. Then the guide's sections, the steps and every organisation. The back page closes with how to
// get help and the QR code back to the page. Everything comes from the GuideView; colour carries the hierarchy
// (accent headings and numbers, the emergency red) as well as size.
import { colours } from '@signpost/brand'
import { phrasesFromTemplates, rules, shortRevision, type ContactPoint, type GuideView, type Organisation } from '@signpost/content'
import { measure } from '../fonts.js'
import { typeScale, type LeafletFormat } from '../format.js'
import { blocksFromPortableText, type Block, type ListBlock } from '../portableText.js'
import { qrGrid } from '../qr.js'
import { Flow, type Run, type TextOptions } from './flow.js'
import { pageGeometry, type PageSizeName } from './page.js'
import type { LeafletLayout, StructNode } from './types.js'

/** The service's logo as pixels to draw (a PNG: pdfkit cannot draw SVG), with its size in pixels. */
export type LogoImage = { data: Buffer; width: number; height: number; alt: string }

export type LayoutOptions = {
  /** Page size; A5 for booklets. Default A4. */
  pageSize?: PageSizeName
  /** The identity's logo, already loaded (see loadLogo). Without it the cover shows the service's name only. */
  logo?: LogoImage
  /**
   * The closing block (how to get help, the QR code) starts a page of its own, the last: a booklet's back cover,
   * with any padding blanks put before it. Default: it shares the last page with the end of the content.
   */
  closingOnOwnPage?: boolean
}

const WHITE = colours.onBrand

/** What readers see at the foot of every page: "Checked 1 November 2026", in the leaflet's language. */
export function readerCheckedLine(view: GuideView): string {
  return view.phrases.t('common.checked', { date: readerDateOf(view, view.guide.reviewedAt) })
}

/** A date as the leaflet's readers write it (Intl.DateTimeFormat costs more than a page's layout: once per date). */
function readerDateOf(view: GuideView, date: string): string {
  const key = `${date} ${view.language.tag}`
  let line = readerDates.get(key)
  if (!line) {
    line = rules.readerDate(date, view.language.code === 'en' ? 'en' : view.language.tag)
    if (readerDates.size >= 256) readerDates.clear()
    readerDates.set(key, line)
  }
  return line
}
const readerDates = new Map<string, string>()

/** The language an organisation's own name is written in (names never come from a translation). */
const ORGANISATION_NAME_LANG = 'en-GB'

/** An organisation's name as a run: tagged with its own language where the leaflet is in another. */
function nameRun(view: GuideView, name: string, run: Omit<Run, 'text'> = {}): Run {
  // In right-to-left text a name is kept on one line (and read as one left-to-right island), as numbers are.
  return {
    text: name,
    ...run,
    ...(view.language.code !== 'en' ? { lang: ORGANISATION_NAME_LANG } : {}),
    ...(view.language.dir === 'rtl' ? { nobreak: true } : {}),
  }
}

/**
 * A view whose phrases went through JSON (Next page props, a queued message) has lost its non-enumerable `t`:
 * it is rebuilt from the templates, the same words.
 */
export function withPhraseFunction(view: GuideView): GuideView {
  return typeof view.phrases?.t === 'function' ? view : { ...view, phrases: phrasesFromTemplates(view.phrases) }
}

export function layoutLeaflet(given: GuideView, format: LeafletFormat = 'standard', options: LayoutOptions = {}): LeafletLayout {
  const view = withPhraseFunction(given)
  // Laid out twice when the cover has room for a list of what is inside: once to learn the pages the sections
  // start on, then with that list on the cover. The list only fills room on the cover, so no page moves; if it
  // would, the leaflet goes without it.
  const first = layoutPass(view, format, options)
  const entries = contentsOf(first).filter((e) => e.page > 1)
  if (entries.length < 2) return first
  const second = layoutPass(view, format, options, entries)
  const same = second.pageCount === first.pageCount && JSON.stringify(contentsOf(second)) === JSON.stringify(contentsOf(first))
  return same ? second : first
}

type ContentsEntry = { title: string; page: number }

/** The bookmarked headings and the (1-based) page each starts on. */
function contentsOf(layout: LeafletLayout): ContentsEntry[] {
  const firstPage = (node: StructNode): number | undefined => {
    for (const child of node.children) {
      const page = 'ops' in child ? child.page : firstPage(child)
      if (page !== undefined) return page
    }
    return undefined
  }
  return layout.nodes.flatMap((n) => (n.bookmark ? [{ title: n.bookmark, page: (firstPage(n) ?? 0) + 1 }] : []))
}

function layoutPass(view: GuideView, format: LeafletFormat, options: LayoutOptions, contents?: ContentsEntry[]): LeafletLayout {
  const type = typeScale(format)
  const lang = view.language.tag
  const flow = new Flow(pageGeometry(type, options.pageSize), type, measure(lang), {
    dir: view.language.dir,
    lang,
    linkPhrases: (key, vars) => view.phrases.t(key, vars),
  })
  const accent = view.settings.identity.accentColour
  const s = styles(flow, accent)
  const t = view.phrases.t.bind(view.phrases)

  // The cover keeps both numbers on the front: where the whole cover does not fit one page (A5), the summary
  // moves to the top of page 2.
  const scratch = flow.scratch()
  cover(scratch, view, styles(scratch, accent), options.logo, true)
  const summaryOnCover = scratch.page === 0
  cover(flow, view, s, options.logo, summaryOnCover)
  if (contents && flow.page === 0) contentsList(flow, view, s, contents)
  if (flow.page === 0) flow.newPage()
  else flow.space(type.body * 2)
  if (!summaryOnCover) s.paragraph([{ text: view.guide.summary }])

  // The guide's sections.
  for (const section of view.guide.sections) {
    s.heading('H2', section.heading, true)
    for (const block of blocksFromPortableText(section.body)) layBlock(flow, block, accent)
  }

  // The steps, numbered.
  if (view.steps.length) {
    s.heading('H2', t('leaflet.whatYouCanDo'), true)
    const list = flow.element(null, 'L')
    view.steps.forEach((step, i) => {
      const runs: Run[] = [{ text: step.text }]
      const phone = step.organisationView ? firstPhone(step.organisationView) : undefined
      if (step.organisationView && phone)
        runs.push({ text: ' ' }, nameRun(view, step.organisationView.name), { text: ': ' }, numberRun(phone.display, phone.href, accent))
      listItem(flow, list, `${i + 1}.`, runs, 0, labelWidth(flow, view.steps.length))
    })
    flow.space(s.gap)
  }

  // Every contact point of every organisation that serves the area; a short entry is kept on one page, a long
  // one flows (its heading still keeps with its first lines).
  if (view.organisations.length) {
    s.heading('H2', t('common.whoCanHelp'), true)
    if (view.guide.organisationsIntro) s.paragraph([{ text: view.guide.organisationsIntro }], { keepWithNext: true })
    for (const org of view.organisations) {
      const draw = (f: Flow) => organisation(f, view, styles(f, accent), org, accent)
      const height = heightOf(flow, draw)
      if (height <= (flow.geo.bottom - flow.geo.top) * 0.4) flow.ensure(height + s.gap)
      draw(flow)
    }
  }

  // The back page closes with how to get help and the QR code, kept together at the foot of the last page; for a
  // booklet, on a page of its own (the back cover).
  const closing = (f: Flow) => backPage(f, view, styles(f, accent))
  // Where it is taller than a page (large print on A5) it goes on, over the page or pages after; see closingPageCount.
  if (options.closingOnOwnPage) {
    if (flow.y > flow.geo.top) flow.newPage()
  } else {
    const height = heightOf(flow, closing)
    const page = flow.page
    flow.ensure(height + type.body)
    if (flow.page === page && flow.y + height <= flow.geo.bottom) flow.y = Math.max(flow.y + type.body, flow.geo.bottom - height)
  }
  closing(flow)

  const layout = flow.finish(readerCheckedLine(view), (page, pages) => t('leaflet.pageXOfY', { page, pages }))
  closingHeadings.set(layout, t('leaflet.howToGetHelp'))
  return layout
}

type Styles = ReturnType<typeof styles>

/** The leaflet's text styles, bound to a flow. */
function styles(flow: Flow, accent: string) {
  const type = flow.type
  const body = type.body
  const gap = body * 0.6
  const heading = (level: 'H1' | 'H2' | 'H3', text: string, bookmark = false, lang?: string) => {
    const size = level === 'H1' ? type.h1 : level === 'H2' ? type.h2 : type.h3
    if (level !== 'H1') flow.space(level === 'H2' ? body * 1.2 : gap)
    const node = flow.element(null, level)
    if (bookmark) node.bookmark = text
    flow.text(node, [{ text, ...(lang ? { lang } : {}) }], { size, bold: true, colour: level === 'H3' ? colours.text : accent, keepWithNext: true })
    flow.space(gap * 0.5)
    return node
  }
  const paragraph = (runs: Run[], options: Partial<TextOptions> = {}) => {
    const node = flow.element(null, 'P')
    flow.text(node, runs, { size: body, ...options })
    flow.space(gap)
    return node
  }
  return { type, body, gap, heading, paragraph }
}

/** Height `draw` takes when laid out at the top of an empty page of the same geometry; Infinity past one page. */
function heightOf(flow: Flow, draw: (f: Flow) => void): number {
  const scratch = flow.scratch()
  draw(scratch)
  return scratch.page === 0 ? scratch.y - flow.geo.top : Infinity
}

/** The cover: identity band, title, summary, the 999 notice, what to do now and the local service. */
function cover(flow: Flow, view: GuideView, s: Styles, logo: LogoImage | undefined, summary: boolean): void {
  const { guide } = view
  const accent = view.settings.identity.accentColour
  identityBand(flow, view, logo)

  s.heading('H1', guide.title)
  translationNotice(view, s)
  if (summary) s.paragraph([{ text: guide.summary }])
  emergencyBox(flow, emergencyNotice(view))

  const first = view.firstStep
  if (first) {
    s.heading('H2', view.phrases.t('common.whatToDoNow'), true)
    s.paragraph([{ text: first.text }], { keepWithNext: true })
    const org = first.organisationView
    if (org) labelledNumbers(flow, view, org, accent)
  }

  const support = view.primarySupport
  if (support && support !== first?.organisationView) {
    s.heading('H2', view.phrases.t('common.freeSupportIn', { area: view.area.name }), true)
    labelledNumbers(flow, view, support, accent, qualities(view, support))
  }
}

/**
 * On a translation: that it has not been checked by a qualified translator, with where the English is, and that
 * it was last checked against the English on a date when the English has changed since.
 */
export function translationNoticeText(view: GuideView): string | undefined {
  const tr = view.guide.translation
  if (!tr) return undefined
  const lines: string[] = []
  if (!tr.reviewed) lines.push(view.phrases.t('common.translationUnchecked'))
  if (tr.outOfDate) lines.push(view.phrases.t('common.translationOutOfDate', { date: readerDateOf(view, tr.checkedAgainstOriginalOn) }))
  return lines.length ? lines.join(' ') : undefined
}

function translationNotice(view: GuideView, s: Styles): void {
  const text = translationNoticeText(view)
  if (!text) return
  const runs: Run[] = [{ text, bold: true }]
  if (view.original && !view.guide.translation?.reviewed) {
    runs.push(
      { text: '\n' },
      { text: `${view.phrases.t('common.readInEnglish')}: ` },
      { text: view.original.url, link: { href: view.original.url }, lang: 'en-GB' },
    )
  }
  s.paragraph(runs)
}

/**
 * "In this leaflet": each section with the page it starts on, at the foot of the cover, when it fits there.
 * Tagged as a list; each entry reads "What is Cyber-crime? page 2".
 */
function contentsList(flow: Flow, view: GuideView, s: Styles, contents: ContentsEntry[]): void {
  const type = flow.type
  const geo = flow.geo
  const gap = type.body * 1.5
  const rowGap = type.body * 0.15
  const pageLabel = (e: ContentsEntry | number) => view.phrases.t('leaflet.pageReference', { page: typeof e === 'number' ? e : e.page })
  const pageRoom = flow.measure.width(pageLabel(Math.max(...contents.map((e) => e.page))), 'regular', type.body) + type.body * 0.6
  const full = geo.right - geo.left
  // One column, or two (left then right, in reading order) when one would not fit.
  const layouts = [1, 2].map((columns) => {
    const width = (full - gap * (columns - 1)) / columns
    const perColumn = Math.ceil(contents.length / columns)
    const groups = Array.from({ length: columns }, (_, c) => contents.slice(c * perColumn, (c + 1) * perColumn))
    const heights = groups.map((g) =>
      g.reduce((h, e) => h + flow.measureText([{ text: e.title }], { size: type.body, indentRight: full - width + pageRoom }) + rowGap, 0),
    )
    return { columns, width, groups, height: Math.max(...heights) }
  })
  const head = flow.lineHeight(type.h2) + type.body * 2.2
  const chosen = layouts.find((l) => flow.y + head + l.height + type.body * 0.5 <= geo.bottom)
  if (!chosen) return
  flow.y = Math.max(flow.y, geo.bottom - head - chosen.height - type.body * 0.5)
  flow.artifact({ kind: 'rect', x: geo.left, y: flow.y, w: full, h: 1.5, colour: colours.border })
  flow.y += type.body * 0.8
  s.heading('H2', view.phrases.t('leaflet.inThisLeaflet'))
  const list = flow.element(null, 'L')
  const top = flow.y
  let bottom = top
  chosen.groups.forEach((group, c) => {
    flow.y = top
    const indent = c * (chosen.width + gap)
    const right = geo.left + indent + chosen.width
    for (const entry of group) {
      const li = flow.element(list, 'LI')
      const body = flow.element(li, 'LBody')
      const page = pageLabel(entry)
      const y = flow.y
      flow.text(body, [{ text: `${entry.title} ` }], { size: type.body, indent, indentRight: geo.right - right + pageRoom, keepTogether: true })
      flow.label(body, {
        x: right - flow.measure.width(page, 'regular', type.body),
        y,
        text: page,
        font: 'regular',
        size: type.body,
        colour: colours.muted,
      })
      flow.y += rowGap
    }
    bottom = Math.max(bottom, flow.y)
  })
  flow.y = bottom
}

/**
 * The band of accent colour across the top of the cover, bleeding off the page edges, with the logo (a Figure
 * with its alt text), the service's name and the funder line in white on it.
 */
function identityBand(flow: Flow, view: GuideView, logo: LogoImage | undefined): void {
  const { identity } = view.settings
  const type = flow.type
  const geo = flow.geo
  const top = Math.round(geo.margin * 0.6)
  flow.y = top
  let indent = 0
  let logoBottom = top
  if (logo) {
    const maxHeight = geo.width < 500 ? 40 : 60
    const scale = Math.min(maxHeight / logo.height, (geo.right - geo.left) / 3 / logo.width)
    const w = logo.width * scale
    const h = logo.height * scale
    const x = geo.left
    const figure = flow.element(null, 'Figure', { alt: logo.alt, bbox: [x, top, x + w, top + h] })
    flow.add(figure, { kind: 'image', x, y: top, w, h, data: logo.data })
    indent = w + type.body
    logoBottom = top + h
  }
  const nameSize = geo.width < 500 ? type.h2 : Math.max(type.h2, 22)
  const nameRuns: Run[] = [nameRun(view, identity.name, { bold: true, size: nameSize })]
  const funder = identity.funderLine ? [{ text: identity.funderLine, size: type.small }] : []
  const textHeight = flow.measureText(nameRuns, { size: nameSize, indent }) + (funder.length ? flow.measureText(funder, { size: type.small, indent }) : 0)
  if (logo) flow.y = top + Math.max(0, (logoBottom - top - textHeight) / 2)
  flow.text(flow.element(null, 'P'), nameRuns, { size: nameSize, indent, colour: WHITE })
  if (funder.length) flow.text(flow.element(null, 'P'), funder, { size: type.small, indent, colour: WHITE })
  const bottom = Math.max(flow.y, logoBottom) + top * 0.8
  flow.artifact({ kind: 'rect', x: 0, y: 0, w: geo.width, h: bottom, colour: identity.accentColour }, 0)
  flow.y = bottom + type.body
}

/** The 999 notice: the site settings' words in English, the phrase catalogue's in another language. */
function emergencyNotice(view: GuideView): string {
  return view.language.code === 'en' ? view.settings.emergencyNotice : view.phrases.t('common.emergency')
}

/** The emergency notice in white on the emergency red, in a box the width of the column. */
function emergencyBox(flow: Flow, notice: string): void {
  const type = flow.type
  const pad = type.body * 0.7
  const options: TextOptions = { size: type.h3, bold: true, colour: WHITE, indent: pad, indentRight: pad, keepTogether: true }
  const runs: Run[] = [{ text: notice }]
  flow.ensure(flow.measureText(runs, options) + pad * 2)
  const startY = flow.y
  flow.y += pad
  flow.text(flow.element(null, 'P'), runs, options)
  flow.y += pad - flow.type.lineGap
  flow.artifact({ kind: 'rect', x: flow.geo.left, y: startY, w: flow.geo.right - flow.geo.left, h: flow.y - startY, colour: colours.emergency })
  flow.space(type.body * 0.6)
}

/**
 * "Action Fraud / 0300 123 2040", "Derbyshire Victim Services / 0800 612 6505 · Text DVS to 82228": the name as
 * the label, then the numbers in large accent type, with an accent bar beside them; kept on one page.
 */
function labelledNumbers(flow: Flow, view: GuideView, org: Organisation, accent: string, note = ''): void {
  const type = flow.type
  const phone = firstPhone(org)
  const sms = org.contactPoints.find((cp) => cp.kind === 'sms')
  if (!phone && !sms) return
  const numbers: Run[] = []
  if (phone) numbers.push(numberRun(phone.display, phone.href, accent, type.phone))
  if (phone && sms) numbers.push({ text: ' · ', bold: true, size: type.h3, colour: colours.text })
  if (sms) numbers.push(numberRun(sms.instruction, sms.href, accent, type.h3 + 2))
  const runs: Run[] = [nameRun(view, org.name, { bold: true, size: type.h3, colour: colours.text }), { text: '\n' }, ...numbers]
  const hours = [note, phone?.hours ? view.phrases.t('leaflet.openHours', { hours: phone.hours }) : ''].filter(Boolean).join(' ')
  const indent = type.body * 0.9
  const options: TextOptions = { size: type.h3, indent, keepTogether: true }
  const height = flow.measureText(runs, options) + (hours ? flow.lineHeight(type.body) : 0)
  flow.ensure(height)
  const startY = flow.y
  flow.text(flow.element(null, 'P'), runs, options)
  if (hours) flow.text(flow.element(null, 'P'), [{ text: hours }], { size: type.body, indent })
  flow.artifact({ kind: 'rect', x: flow.geo.left, y: startY + 2, w: 4, h: flow.y - startY - type.lineGap - 2, colour: accent })
  flow.space(type.body * 0.8)
}

function numberRun(text: string, href: string, accent: string, size?: number): Run {
  return { text, bold: true, colour: accent, link: { href }, nobreak: true, ...(size ? { size } : {}) }
}

/** One organisation: its name, what it does, and each way to contact it as a labelled list. */
function organisation(flow: Flow, view: GuideView, s: Styles, org: Organisation, accent: string): void {
  s.heading('H3', org.name, false, view.language.code !== 'en' ? ORGANISATION_NAME_LANG : undefined)
  const q = qualities(view, org)
  s.paragraph([{ text: org.description }, ...(q ? [{ text: ` ${q}`, bold: true }] : [])])
  if (org.contactPoints.length) {
    const list = flow.element(null, 'L')
    const width = Math.max(...org.contactPoints.map((cp) => flow.measure.width(contactLabel(view, cp), 'bold', s.body))) + s.body
    // Where a number or address would not fit beside its label (large print on A5), each goes under its label.
    const column = flow.geo.right - flow.geo.left - width
    const stacked = org.contactPoints.some((cp) => flow.measure.width(contactRuns(view, cp, accent)[0]!.text, 'bold', s.body) > column)
    for (const cp of org.contactPoints) listItem(flow, list, contactLabel(view, cp), contactRuns(view, cp, accent), 0, stacked ? 0 : width, true, stacked)
    flow.space(s.gap)
  }
}

/** The heading (and bookmark) that opens the closing block, in English (the phrase leaflet.howToGetHelp). */
export const CLOSING_HEADING = 'How to get help'
/** The closing heading in the layout's language: what closingPageCount looks for. */
const closingHeadings = new WeakMap<LeafletLayout, string>()

/**
 * For a layout made with closingOnOwnPage: how many pages at its end the closing block takes, which a booklet keeps
 * together as its back pages, after any padding. 1, or 2 where it does not fit one page (large print on A5).
 */
export function closingPageCount(layout: LeafletLayout): number {
  const heading = closingHeadings.get(layout) ?? CLOSING_HEADING
  const start = contentsOf(layout)
    .filter((e) => e.title === heading)
    .at(-1)
  return start ? layout.pageCount - start.page + 1 : 1
}

/** How to get help, again, where the leaflet ends: 999, the numbers, the QR code, and the small print. */
function backPage(flow: Flow, view: GuideView, s: Styles): void {
  const { guide } = view
  const accent = view.settings.identity.accentColour
  const type = flow.type
  const ruleY = flow.y
  flow.artifact({ kind: 'rect', x: flow.geo.left, y: ruleY, w: flow.geo.right - flow.geo.left, h: 3, colour: accent })
  flow.y += type.body
  s.heading('H2', view.phrases.t('leaflet.howToGetHelp'), true)
  emergencyBox(flow, emergencyNotice(view))
  const shown = new Set<Organisation>()
  for (const org of [view.firstStep?.organisationView, view.primarySupport]) {
    if (!org || shown.has(org)) continue
    shown.add(org)
    labelledNumbers(flow, view, org, accent)
  }

  // The QR code back to the guide's page, with the address written beside it.
  const qrSize = type.body * (flow.geo.width < 500 ? 6 : 7.5)
  flow.ensure(qrSize)
  const y = flow.y
  const x = flow.geo.left
  const figure = flow.element(null, 'Figure', { alt: view.phrases.t('leaflet.qrAlt', { url: guide.url }), bbox: [x, y, x + qrSize, y + qrSize] })
  flow.add(figure, qrGrid(guide.url, x, y, qrSize))
  const beside = qrSize + type.body
  const url = flow.element(null, 'P')
  flow.text(url, [{ text: view.phrases.t('leaflet.readOnline') }, { text: '\n' }, { text: guide.url, bold: true, colour: accent, link: { href: guide.url } }], {
    size: type.body,
    indent: beside,
  })
  flow.y = Math.max(flow.y, y + qrSize)
  flow.space(s.gap)

  // Small print: who made it and, for staff, the content revision.
  const { identity } = view.settings
  const small = [
    identity.name,
    identity.funderLine,
    `${readerCheckedLine(view)}. ${view.phrases.t('leaflet.revision', { revision: shortRevision(guide.revision) })}`,
  ]
    .filter(Boolean)
    .join('. ')
    .replace(/\.\./g, '.')
  flow.text(flow.element(null, 'P'), [{ text: small }], { size: type.small, colour: colours.muted })
}

/** A top-level block of a section's body. */
function layBlock(flow: Flow, block: Block, accent: string): void {
  const body = flow.type.body
  if (block.kind === 'paragraph') {
    const sub = /^h\d$/.test(block.style)
    const node = flow.element(null, sub ? 'H3' : 'P')
    flow.text(node, colourLinks(block.runs, accent), {
      size: sub ? flow.type.h3 : body,
      bold: sub,
      indent: block.style === 'blockquote' ? body : 0,
      keepWithNext: sub,
    })
  } else {
    layList(flow, null, block, 0, accent)
  }
  flow.space(body * 0.6)
}

/** Links in running text in the accent colour; numbers (tel:, sms:) bold as well, like every number. */
function colourLinks(runs: Run[], accent: string): Run[] {
  return runs.map((r) => (r.link ? { ...r, colour: accent, ...(/^(tel|sms):/i.test(r.link.href) ? { bold: true } : {}) } : r))
}

function layList(flow: Flow, parent: StructNode | null, block: ListBlock, indent: number, accent: string): void {
  const list = flow.element(parent, 'L')
  const width = block.ordered ? labelWidth(flow, block.items.length) : flow.type.body * 1.2
  block.items.forEach((item, i) => {
    const li = listItem(flow, list, block.ordered ? `${i + 1}.` : '•', colourLinks(item.runs, accent), indent, width)
    const lbody = li.children.find((c): c is StructNode => 'type' in c && c.type === 'LBody')
    for (const sub of item.lists) layList(flow, lbody ?? li, sub, indent + width, accent)
  })
}

/** One list item: a label (Lbl) in the left column and its text (LBody) beside it, starting on the same page. */
function listItem(
  flow: Flow,
  list: StructNode,
  label: string,
  runs: Run[],
  indent: number,
  labelColumn: number,
  boldLabel = false,
  stacked = false,
): StructNode {
  const size = flow.type.body
  const li = flow.element(list, 'LI')
  // Room for the lines that must start on this page: a text of up to three lines is never split (two lines at
  // least each side of a break), a longer one needs two here. The label then always sits beside its first line.
  const lines = flow.wrap(runs, size, flow.geo.right - flow.geo.left - indent - labelColumn).length || 1
  flow.ensure(flow.lineHeight(size) * ((lines <= 3 ? lines : 2) + (stacked ? 1 : 0)))
  if (label) {
    const lbl = flow.element(li, 'Lbl')
    flow.label(lbl, {
      x: flow.geo.left + indent,
      y: flow.y,
      text: `${label} `,
      font: boldLabel ? 'bold' : 'regular',
      size,
      ...(boldLabel ? { colour: colours.muted } : {}),
    })
    if (stacked) flow.y += flow.lineHeight(size)
  }
  const lbody = flow.element(li, 'LBody')
  if (runs.length) flow.text(lbody, runs, { size, indent: indent + labelColumn })
  else flow.y += flow.lineHeight(size)
  flow.space(size * 0.3)
  return li
}

function labelWidth(flow: Flow, count: number): number {
  return flow.measure.width(`${count}.`, 'regular', flow.type.body) + flow.type.body * 0.6
}

function firstPhone(org: Organisation) {
  return org.contactPoints.find((cp) => cp.kind === 'phone')
}

/** "Free and confidential.", "Free.", "Confidential." or nothing, in the leaflet's language. */
function qualities(view: GuideView, org: Organisation): string {
  const t = view.phrases.t.bind(view.phrases)
  if (org.free && org.confidential) return t('leaflet.freeAndConfidential')
  if (org.free) return t('leaflet.free')
  if (org.confidential) return t('leaflet.confidential')
  return ''
}

function contactLabel(view: GuideView, cp: ContactPoint): string {
  const t = view.phrases.t.bind(view.phrases)
  return { phone: t('common.contactPhone'), sms: t('leaflet.contactText'), website: t('common.contactWebsite'), email: t('common.contactEmail') }[cp.kind]
}

function contactRuns(view: GuideView, cp: ContactPoint, accent: string): Run[] {
  const t = view.phrases.t.bind(view.phrases)
  switch (cp.kind) {
    case 'phone': {
      const runs: Run[] = [numberRun(cp.display, cp.href, accent)]
      const notes = [cp.label, cp.hours ? t('leaflet.noteOpen', { hours: cp.hours }) : '', cp.freeToCall ? t('leaflet.noteFreeToCall') : ''].filter(Boolean)
      if (notes.length) runs.push({ text: ` (${notes.join(', ')})` })
      return runs
    }
    case 'sms':
      return [numberRun(cp.instruction, cp.href, accent), ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
    case 'website':
      return [{ text: cp.display, bold: true, colour: accent, link: { href: cp.url } }, ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
    case 'email':
      return [{ text: cp.address, bold: true, colour: accent, link: { href: cp.href } }, ...(cp.label ? [{ text: ` (${cp.label})` }] : [])]
  }
}
