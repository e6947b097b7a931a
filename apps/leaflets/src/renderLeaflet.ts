// The library entry point: a GuideView in, the bytes of an accessible, deterministic leaflet out (A4, or A5 for
// booklets), carrying the service's identity (its logo, name and accent colour) rather than the software's.
import type { GuideView } from '@signpost/content'
import { collect, contentDate, createDocument } from './document.js'
import { drawLeaflet, type OutlineParent } from './draw.js'
import type { LeafletFormat } from './format.js'
import { checkLeafletText } from './glyphs.js'
import { layoutLeaflet, withPhraseFunction } from './layout/leaflet.js'
import type { PageSizeName } from './layout/page.js'
import type { LeafletLayout } from './layout/types.js'
import { loadLogo } from './logo.js'

export type RenderLeafletOptions = {
  format?: LeafletFormat
  /** A4 (default) or A5 (the page size of a booklet before it is imposed on A4 sheets). */
  pageSize?: PageSizeName
  /**
   * Neutral document metadata for a file a bystander may see listed (an email attachment): Title "Information",
   * no guide title, subject, area or author. The pages themselves are unchanged.
   */
  neutral?: boolean
  /**
   * The logo's PNG bytes, when the caller already has them; null for no logo. By default they are loaded from
   * the identity's logo URL.
   */
  logo?: Buffer | null
  /**
   * For a booklet: how to get help and the QR code start the last page of their own, the back cover (see
   * imposeBooklet, which puts padding blanks before it). Default false: they close the last page of content.
   */
  closingOnOwnPage?: boolean
}

export async function renderLeaflet(view: GuideView, options: RenderLeafletOptions = {}): Promise<Buffer> {
  return (await renderLeafletWithLayout(view, options)).bytes
}

/** renderLeaflet, giving the layout it drew as well (a booklet reads from it which pages the closing block takes). */
export async function renderLeafletWithLayout(given: GuideView, options: RenderLeafletOptions = {}): Promise<{ bytes: Buffer; layout: LeafletLayout }> {
  const view = withPhraseFunction(given)
  const format = options.format ?? 'standard'
  checkLeafletText(view)
  const logo = await loadLogo(view.settings.identity, options.logo)
  const layout = layoutLeaflet(view, format, { pageSize: options.pageSize, logo, closingOnOwnPage: options.closingOnOwnPage })
  const doc = createDocument(options.neutral ? neutralMeta(view) : leafletMeta(view, format))
  const bytes = collect(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  drawLeaflet(doc, root, layout, format, { outline: doc.outline as unknown as OutlineParent })
  root.end()
  doc.end()
  return { bytes: await bytes, layout }
}

/** Document metadata: the guide, and for staff the revision (Keywords); the service as the author. */
export function leafletMeta(view: GuideView, format: LeafletFormat) {
  const { guide } = view
  return {
    title: format === 'large-print' ? view.phrases.t('leaflet.largePrintTitle', { title: guide.title }) : guide.title,
    lang: view.language.tag,
    subject: guide.summary,
    keywords: `${view.area.name}; ${view.checkedLine}`,
    author: view.settings.identity.name,
    date: contentDate(guide.updatedAt, guide.reviewedAt),
  }
}

/** What inbox lists and previews show of a neutral attachment: nothing about the guide or its subject. */
export const NEUTRAL_TITLE = 'Information'

function neutralMeta(view: GuideView) {
  const { guide } = view
  const title = view.language.code === 'en' ? NEUTRAL_TITLE : view.phrases.t('leaflet.neutralTitle')
  return { title, lang: view.language.tag, subject: '', keywords: '', author: '', date: contentDate(guide.updatedAt, guide.reviewedAt) }
}
