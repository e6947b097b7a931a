// The leaflet attachment: the very bytes the site serves, from @signpost/leaflets. Imported only when a message asks
// for it, so the CLI, API and worker start without loading the PDF renderer and its fonts. In the view's language.
import type { GuideView } from '@signpost/content'

/** The attachment's name for a neutral message: inbox lists show it beside the neutral subject. */
export const NEUTRAL_LEAFLET_FILE_NAME = 'information.pdf'

/** `neutral`: a neutral file name and neutral PDF metadata (title "Information"), so a bystander sees nothing of the subject. */
export async function renderLeafletAttachment(view: GuideView, options: { neutral?: boolean } = {}): Promise<{ fileName: string; content: Buffer }> {
  const { renderLeaflet, leafletFileNameFor } = await import('@signpost/leaflets').catch((e: unknown) => {
    throw new Error(
      `The leaflet renderer (@signpost/leaflets) is not available, so the leaflet cannot be attached. Build it with ` +
        `"npx turbo run build --filter=@signpost/leaflets". (${(e as Error).message})`,
    )
  })
  const neutral = Boolean(options.neutral)
  // The leaflet is in the view's language (an Urdu view, an Urdu leaflet), named as the site names it (<guide>-ur.pdf).
  return {
    fileName: neutral ? NEUTRAL_LEAFLET_FILE_NAME : leafletFileNameFor(view, 'standard'),
    content: await renderLeaflet(view, { format: 'standard', neutral }),
  }
}
