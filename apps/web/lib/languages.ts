// Which languages this site has pages in: the default language always, another once the area has a guide in it.
import { DEFAULT_LANGUAGE, guidesForArea, SUPPORTED_LANGUAGES, type Content, type Language } from '@signpost/content'

/** The languages this site's area has at least one guide in (English always), in SUPPORTED_LANGUAGES order. */
export function languagesWithGuides(content: Content, area: string): Language[] {
  return SUPPORTED_LANGUAGES.filter((l) => l.code === DEFAULT_LANGUAGE || guidesForArea(content, area, l.code).length > 0)
}
