// Which statically generated page depends on which content, as tags: the document type ("guide") and
// "type:id" ("guide:guide.cyber-crime-and-fraud"). The revalidate webhook turns tags into page paths here.
import { getArea, getGuide, guidesForArea, organisationsServingArea, viewGuide, type Content } from '@signpost/content'
import { languagesWithGuides } from './languages'
import { paths } from './paths'

/** `alternates`: the same page in every language it is in (itself included), for the sitemap's hreflang links. */
export type PageDependency = { path: string; tags: string[]; alternates?: { hreflang: string; path: string }[] }

/** Tags a changed document touches: its type and its id (drafts and published versions share a page). */
export function tagsForDocument(doc: { _type: string; _id: string }): string[] {
  const id = doc._id.replace(/^drafts\./, '')
  return [doc._type, `${doc._type}:${id}`]
}

/**
 * Every page prints phrases (phraseCatalogue); a guide page in any language also lists the other languages it is
 * in and, on a translation, whether its English original changed since (so each version's id is a tag of each
 * page, and a new translation, found in the content after the change, refreshes its original's page too).
 */
export function pageDependencies(content: Content, areaSlug: string): PageDependency[] {
  const areaTag = `area:${getArea(content, areaSlug).id}`
  const orgTag = (id: string) => `organisation:${id}`
  const frame = ['siteSettings', 'phraseCatalogue']
  const languages = languagesWithGuides(content, areaSlug)
  const homes = languages.map((l) => ({ hreflang: l.tag, path: paths.home(l.code) }))
  const pages: PageDependency[] = [
    ...languages.map((l) => ({
      path: paths.home(l.code),
      tags: [...frame, 'guide', 'organisation', 'translation.metadata', areaTag],
      ...(homes.length > 1 ? { alternates: homes } : {}),
    })),
    { path: paths.organisations(), tags: [...frame, 'organisation', areaTag] },
  ]
  for (const language of languages) {
    for (const guide of guidesForArea(content, areaSlug, language.code)) {
      const view = viewGuide(content, guide.slug, areaSlug, language.code)
      const versionTags = view.versions.map((v) => `guide:${getGuide(content, v.slug, areaSlug, v.language.code).id}`)
      const alternates = view.versions.map((v) => ({ hreflang: v.language.tag, path: paths.guide(v.slug, v.language.code) }))
      pages.push(
        {
          path: paths.guide(guide.slug, language.code),
          tags: [...frame, `guide:${guide.id}`, ...versionTags, 'translation.metadata', areaTag, ...view.organisations.map((o) => orgTag(o.id))],
          ...(alternates.length > 1 ? { alternates } : {}),
        },
        { path: paths.emailSent(guide.slug, language.code), tags: [...frame, `guide:${guide.id}`] },
      )
    }
  }
  for (const org of organisationsServingArea(content, areaSlug)) {
    // An organisation page lists the guides that signpost it, so any guide change may touch it.
    pages.push({ path: paths.organisation(org.slug), tags: [...frame, orgTag(org.id), 'guide', areaTag] })
  }
  return pages
}

/** Paths whose pages depend on any of the tags; every page depends on the type tag of its own documents. */
export function pathsForTags(pages: PageDependency[], tags: string[]): string[] {
  const wanted = new Set(tags)
  return [...new Set(pages.filter((p) => p.tags.some((t) => wanted.has(t))).map((p) => p.path))]
}
