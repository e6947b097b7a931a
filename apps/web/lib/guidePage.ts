// Loads what a guide page and its sub-pages need: the view of the guide for this site's area (local
// contacts first, from @signpost/content), or null when the guide does not exist here.
import { guidesForArea, NotFoundError, viewGuide, type GuideView } from '@signpost/content'
import type { GetStaticPaths } from 'next'
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

/** getStaticPaths of the guide page and its sub-pages: every guide of the area, others rendered on first request. */
export const guideStaticPaths: GetStaticPaths = async () => {
  const content = await getContent()
  return { paths: guidesForArea(content, siteArea(content)).map((g) => ({ params: { slug: g.slug } })), fallback: 'blocking' }
}
