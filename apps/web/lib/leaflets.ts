// The leaflet PDFs the site serves and links to: rendered by @signpost/leaflets, the same code and bytes
// as the CLI (renderLeaflet is deterministic for a content revision).
import { phrasesFromTemplates, type GuideView } from '@signpost/content'
import type { LeafletFormat } from '@signpost/leaflets'
import { loadLeaflets } from './external'

export type { LeafletFormat }
export const LEAFLET_FORMATS: LeafletFormat[] = ['standard', 'large-print']

export async function renderLeafletFile(view: GuideView, format: LeafletFormat): Promise<{ bytes: Buffer; fileName: string }> {
  const { renderLeaflet, leafletFileName } = await loadLeaflets()
  return { bytes: await renderLeaflet(withPhrases(view), { format }), fileName: leafletFileName(view.guide.slug, format, view.guide.language) }
}

/** A view that went through JSON (page props, plain()) has lost its phrases' t: the renderer gets it back. */
export function withPhrases(view: GuideView): GuideView {
  return typeof view.phrases.t === 'function' ? view : { ...view, phrases: phrasesFromTemplates(view.phrases) }
}

/** Sizes already worked out, by what decides the bytes (revision, area, address in the QR code); a few guides' worth. */
const sizeCache = new Map<string, Promise<Record<LeafletFormat, number | null>>>()
const SIZE_CACHE_LIMIT = 200

/**
 * Byte sizes for the download links; null if the renderer failed. The leaflet is deterministic for a content
 * revision, so each guide is rendered once per revision, not on every request of a server-rendered page.
 */
export function leafletSizes(view: GuideView): Promise<Record<LeafletFormat, number | null>> {
  const key = `${view.guide.revision}|${view.area.slug}|${view.guide.url}`
  let sizes = sizeCache.get(key)
  if (!sizes) {
    if (sizeCache.size >= SIZE_CACHE_LIMIT) sizeCache.clear()
    sizes = renderSizes(view)
    sizeCache.set(key, sizes)
  }
  return sizes
}

async function renderSizes(view: GuideView): Promise<Record<LeafletFormat, number | null>> {
  const sizes = await Promise.all(
    LEAFLET_FORMATS.map((format) =>
      renderLeafletFile(view, format).then(
        (f) => f.bytes.length,
        (error: unknown) => {
          console.error(`Signpost: could not render the ${format} leaflet for ${view.guide.slug}: ${(error as Error).message}`)
          return null
        },
      ),
    ),
  )
  return { standard: sizes[0] ?? null, 'large-print': sizes[1] ?? null }
}
