// Every GROQ query Signpost runs, written once. Both sources (Content Lake and the embedded file) run these.
// Documents of any other type (assets and system documents apart) are listed by id and type, to be warned about.
// References are fetched as ids, not dereferenced, so the content door can name a reference that dangles; the logo's
// image asset is dereferenced for its url and size, with its id beside them so a missing asset can be named too.
import { defineQuery } from 'groq'

export const contentQuery = defineQuery(`{
  "settings": *[_type == "siteSettings"]{
    _id, _updatedAt, siteName, serviceName, funderLine, accentColour,
    "logo": logo{
      alt, "assetRef": asset._ref, "url": asset->url, "mimeType": asset->mimeType,
      "width": asset->metadata.dimensions.width, "height": asset->metadata.dimensions.height
    },
    "defaultArea": defaultArea._ref, emergencyNotice, exitUrl
  },
  "areas": *[_type == "area"] | order(name asc) {
    _id, _updatedAt, name, slug, forceName, "commissioner": commissioner._ref
  },
  "organisations": *[_type == "organisation"] | order(name asc) {
    _id, _updatedAt, name, slug, kind, description, descriptionTranslations, contactPoints, free, confidential,
    coverage, "areas": areas[]._ref, status, "successor": successor._ref, "fundedBy": fundedBy._ref
  },
  "guides": *[_type == "guide"] | order(title asc) {
    _id, _updatedAt, title, slug, summary, language, sections, organisationsIntro,
    "steps": steps[]{_key, text, "organisation": organisation._ref},
    "organisations": organisations[]._ref, "areas": areas[]._ref, reviewedAt, reviewBy, textMessage, translation
  },
  "phraseCatalogues": *[_type == "phraseCatalogue"] | order(_id asc) {
    _id, language, common, site, leaflet, email, sms
  },
  "translationGroups": *[_type == "translation.metadata"] | order(_id asc) {
    _id, schemaTypes, "translations": translations[]{ _key, "language": coalesce(language, _key), "id": value._ref }
  },
  "otherDocuments": *[!(_type in ["siteSettings", "area", "organisation", "guide", "phraseCatalogue", "translation.metadata"])
    && !string::startsWith(_type, "sanity.") && !string::startsWith(_type, "system.")]{ _id, _type }
}`)
