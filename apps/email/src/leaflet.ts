// The leaflet attachment: the very bytes the site serves, from @signpost/leaflets, loaded only when a message asks
// for it, so the email app works (and builds) whether or not the leaflet renderer is there yet.
import type { GuideView } from '@signpost/content'

type LeafletModule = {
  renderLeaflet(view: GuideView, options?: { format?: 'standard' | 'large-print' }): Promise<Buffer | Uint8Array>
  leafletFileName?(slug: string, format: 'standard' | 'large-print'): string
}

let loaded: Promise<LeafletModule> | undefined

async function leafletModule(): Promise<LeafletModule> {
  const specifier = '@signpost/leaflets'
  loaded ??= (import(specifier) as Promise<LeafletModule>).catch((e: unknown) => {
    loaded = undefined
    throw new Error(
      `The leaflet renderer (@signpost/leaflets) is not available, so the leaflet cannot be attached. Build it with ` +
        `"npx turbo run build --filter=@signpost/leaflets". (${(e as Error).message})`,
    )
  })
  return loaded
}

export async function renderLeafletAttachment(view: GuideView): Promise<{ fileName: string; content: Buffer }> {
  const mod = await leafletModule()
  const bytes = await mod.renderLeaflet(view, { format: 'standard' })
  const fileName = mod.leafletFileName?.(view.guide.slug, 'standard') ?? `${view.guide.slug}.pdf`
  return { fileName, content: Buffer.from(bytes) }
}
