// Tells Sanity's Presentation tool where each document appears on the site, so editors can click from a page to its
// guide and see "used on" links from an organisation.
import { defineLocations, type PresentationPluginOptions } from 'sanity/presentation'

export const presentationResolve: PresentationPluginOptions['resolve'] = {
  mainDocuments: [{ route: '/guides/:slug', filter: '_type == "guide" && slug.current == $slug' }],
  locations: {
    guide: defineLocations({
      select: { title: 'title', slug: 'slug.current' },
      resolve: (doc) => ({
        locations: doc?.slug ? [{ title: doc.title ?? 'Guide', href: `/guides/${doc.slug}` }] : [],
      }),
    }),
    organisation: defineLocations({
      select: { name: 'name', slug: 'slug.current' },
      resolve: (doc) => ({
        locations: doc?.slug ? [{ title: doc.name ?? 'Organisation', href: `/organisations/${doc.slug}` }] : [],
      }),
    }),
  },
}
