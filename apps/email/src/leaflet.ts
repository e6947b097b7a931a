// The leaflet attachment: the very bytes the site serves, from @signpost/leaflets. Imported only when a message asks
// for it, so the CLI, API and worker start without loading the PDF renderer and its fonts.
import type { GuideView } from '@signpost/content'

export async function renderLeafletAttachment(view: GuideView): Promise<{ fileName: string; content: Buffer }> {
  const { renderLeaflet, leafletFileName } = await import('@signpost/leaflets').catch((e: unknown) => {
    throw new Error(
      `The leaflet renderer (@signpost/leaflets) is not available, so the leaflet cannot be attached. Build it with ` +
        `"npx turbo run build --filter=@signpost/leaflets". (${(e as Error).message})`,
    )
  })
  return { fileName: leafletFileName(view.guide.slug, 'standard'), content: await renderLeaflet(view, { format: 'standard' }) }
}
