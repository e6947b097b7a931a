// Loads what a guide page and its sub-pages need: the view of the guide for this site's area (local
// contacts first, from @signpost/content), or null when the guide does not exist here.
import { NotFoundError, viewGuide, type GuideView } from '@signpost/content'
import { getContent, plain } from './content'
import { siteArea } from './site'

export async function loadGuideView(slug: string, draft = false): Promise<GuideView | null> {
  const content = await getContent({ draft })
  try {
    return plain(viewGuide(content, slug, siteArea(content)))
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

export async function guideSlugs(): Promise<string[]> {
  const { guidesForArea } = await import('@signpost/content')
  const content = await getContent()
  return guidesForArea(content, siteArea(content)).map((g) => g.slug)
}
