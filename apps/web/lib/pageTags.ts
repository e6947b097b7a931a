// Which statically generated page depends on which content, as tags: the document type ("guide") and
// "type:id" ("guide:guide.cyber-crime-and-fraud"). The revalidate webhook turns tags into page paths here.
import { getArea, guidesForArea, organisationsServingArea, viewGuide, type Content } from '@signpost/content'
import { paths } from './paths'

export type PageDependency = { path: string; tags: string[] }

/** Tags a changed document touches: its type and its id (drafts and published versions share a page). */
export function tagsForDocument(doc: { _type: string; _id: string }): string[] {
  const id = doc._id.replace(/^drafts\./, '')
  return [doc._type, `${doc._type}:${id}`]
}

export function pageDependencies(content: Content, areaSlug: string): PageDependency[] {
  const areaTag = `area:${getArea(content, areaSlug).id}`
  const orgTag = (id: string) => `organisation:${id}`
  const pages: PageDependency[] = [
    { path: paths.home(), tags: ['siteSettings', 'guide', 'organisation', areaTag] },
    { path: paths.organisations(), tags: ['siteSettings', 'organisation', areaTag] },
  ]
  const guides = guidesForArea(content, areaSlug)
  for (const guide of guides) {
    const view = viewGuide(content, guide.slug, areaSlug)
    pages.push(
      { path: paths.guide(guide.slug), tags: ['siteSettings', `guide:${guide.id}`, areaTag, ...view.organisations.map((o) => orgTag(o.id))] },
      { path: paths.emailSent(guide.slug), tags: ['siteSettings', `guide:${guide.id}`] },
    )
  }
  for (const org of organisationsServingArea(content, areaSlug)) {
    // An organisation page lists the guides that signpost it, so any guide change may touch it.
    pages.push({ path: paths.organisation(org.slug), tags: ['siteSettings', orgTag(org.id), 'guide', areaTag] })
  }
  return pages
}

/** Paths whose pages depend on any of the tags; every page depends on the type tag of its own documents. */
export function pathsForTags(pages: PageDependency[], tags: string[]): string[] {
  const wanted = new Set(tags)
  return [...new Set(pages.filter((p) => p.tags.some((t) => wanted.has(t))).map((p) => p.path))]
}
