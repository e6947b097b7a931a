// The library entry point: a GuideView in, the bytes of an accessible, deterministic A4 leaflet out.
import type { GuideView } from '@signpost/content'
import { collect, contentDate, createDocument } from './document.js'
import { drawLeaflet } from './draw.js'
import type { LeafletFormat } from './format.js'
import { layoutLeaflet } from './layout/leaflet.js'

export type RenderLeafletOptions = {
  format?: LeafletFormat
  /**
   * Neutral document metadata for a file a bystander may see listed (an email attachment): Title "Information",
   * no guide title, subject, area or author. The pages themselves are unchanged.
   */
  neutral?: boolean
}

export async function renderLeaflet(view: GuideView, options: RenderLeafletOptions = {}): Promise<Buffer> {
  const format = options.format ?? 'standard'
  const layout = layoutLeaflet(view, format)
  const doc = createDocument(options.neutral ? neutralMeta(view) : leafletMeta(view, format))
  const bytes = collect(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  drawLeaflet(doc, root, layout, format)
  root.end()
  doc.end()
  return bytes
}

function leafletMeta(view: GuideView, format: LeafletFormat) {
  const { guide } = view
  return {
    title: format === 'large-print' ? `${guide.title} (large print)` : guide.title,
    lang: guide.language,
    subject: guide.summary,
    keywords: `${view.area.name}; ${view.checkedLine}`,
    author: view.settings.siteName,
    date: contentDate(guide.updatedAt, guide.reviewedAt),
  }
}

/** What inbox lists and previews show of a neutral attachment: nothing about the guide or its subject. */
export const NEUTRAL_TITLE = 'Information'

function neutralMeta(view: GuideView) {
  const { guide } = view
  return { title: NEUTRAL_TITLE, lang: guide.language, subject: '', keywords: '', author: '', date: contentDate(guide.updatedAt, guide.reviewedAt) }
}
