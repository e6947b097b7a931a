// The library entry point: a GuideView in, the bytes of an accessible, deterministic A4 leaflet out.
import type { GuideView } from '@signpost/content'
import { collect, contentDate, createDocument } from './document.js'
import { drawLeaflet } from './draw.js'
import type { LeafletFormat } from './format.js'
import { layoutLeaflet } from './layout/leaflet.js'

export type RenderLeafletOptions = { format?: LeafletFormat }

export async function renderLeaflet(view: GuideView, options: RenderLeafletOptions = {}): Promise<Buffer> {
  const format = options.format ?? 'standard'
  const layout = layoutLeaflet(view, format)
  const doc = createDocument(leafletMeta(view, format))
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
