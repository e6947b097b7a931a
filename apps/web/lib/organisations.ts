// The organisations this site lists: the current ones serving its area, local first (the rule itself is
// @signpost/content's organisationsForArea; this only asks it about every organisation).
import { guidesForArea, organisationsForArea, type Content, type Guide, type Organisation } from '@signpost/content'

export function areaOrganisations(content: Content, areaSlug: string): Organisation[] {
  const all = organisationsForArea(content, content.organisations.map((o) => o.slug), areaSlug)
  return [...all.filter((o) => !o.national), ...all.filter((o) => o.national)]
}

/** Guides in this area that signpost the organisation. */
export function guidesSignposting(content: Content, areaSlug: string, orgSlug: string): Guide[] {
  return guidesForArea(content, areaSlug).filter((g) =>
    organisationsForArea(content, g.organisations, areaSlug).some((o) => o.slug === orgSlug),
  )
}
