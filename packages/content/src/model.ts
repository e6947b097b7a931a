// The normalised, channel-neutral model every app renders. Zod schemas are the contract; types are inferred.
import { z } from 'zod'
import { ORGANISATION_KIND_VALUES } from './rules/organisation.js'
import { LANGUAGE_CODES } from './languages.js'

export const languageCodeSchema = z.enum(LANGUAGE_CODES)

const portableText = z.array(z.looseObject({ _type: z.string(), _key: z.string().optional() }))

export const phoneContactSchema = z.object({
  kind: z.literal('phone'),
  key: z.string(),
  label: z.string().optional(),
  display: z.string(),
  dial: z.string(),
  href: z.string().startsWith('tel:'),
  hours: z.string().optional(),
  freeToCall: z.boolean(),
})
export const smsContactSchema = z.object({
  kind: z.literal('sms'),
  key: z.string(),
  label: z.string().optional(),
  keyword: z.string(),
  shortCode: z.string(),
  href: z.string().startsWith('sms:'),
  instruction: z.string(),
})
export const websiteContactSchema = z.object({
  kind: z.literal('website'),
  key: z.string(),
  label: z.string().optional(),
  url: z.url({ protocol: /^https$/ }),
  display: z.string(),
})
export const emailContactSchema = z.object({
  kind: z.literal('email'),
  key: z.string(),
  label: z.string().optional(),
  address: z.string(),
  href: z.string().startsWith('mailto:'),
})
export const contactPointSchema = z.discriminatedUnion('kind', [phoneContactSchema, smsContactSchema, websiteContactSchema, emailContactSchema])

export { ORGANISATION_KINDS, type OrganisationKind } from './rules/organisation.js'
export const organisationKindSchema = z.enum(ORGANISATION_KIND_VALUES)

/** An organisation's words in another language (editors' translations); names, numbers and links are never translated. */
export const organisationTranslationSchema = z.object({
  language: languageCodeSchema,
  description: z.string().optional(),
  /** By contact point key. */
  contactPoints: z.array(z.object({ key: z.string(), label: z.string().optional(), hours: z.string().optional() })),
})

export const organisationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  kindLabel: z.string(),
  description: z.string(),
  contactPoints: z.array(contactPointSchema),
  free: z.boolean(),
  confidential: z.boolean(),
  /** Empty means national: the organisation serves everyone. */
  areas: z.array(z.string()),
  national: z.boolean(),
  status: z.enum(['active', 'renamed', 'closed']),
  successor: z.string().optional(),
  fundedBy: z.string().optional(),
  url: z.string(),
  updatedAt: z.string(),
  /** Descriptions, contact labels and hours in other languages; viewGuide(…, lang) applies them. */
  translations: z.array(organisationTranslationSchema),
})

export const areaSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  forceName: z.string(),
  commissioner: z.string().optional(),
})

export const sectionSchema = z.object({ key: z.string(), heading: z.string(), body: portableText })
export const stepSchema = z.object({ key: z.string(), text: z.string(), organisation: z.string().optional() })

export const guideSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  /** A supported language code (see languages.ts); the lang attribute is getLanguage(code).tag. */
  language: languageCodeSchema,
  dir: z.enum(['ltr', 'rtl']),
  /** Present on translations only. */
  translation: z
    .object({
      /** The English original's document id. */
      originalId: z.string(),
      /** The original's contentRevision this translation was last checked against. */
      translatedFromRevision: z.string(),
      /** True when the original's text has changed since. */
      outOfDate: z.boolean(),
      /** YYYY-MM-DD: when it was last checked against the original. */
      checkedAgainstOriginalOn: z.string(),
      /** A qualified translator has checked it. */
      reviewed: z.boolean(),
      reviewedBy: z.string().optional(),
      reviewedOn: z.string().optional(),
    })
    .optional(),
  sections: z.array(sectionSchema),
  steps: z.array(stepSchema),
  organisationsIntro: z.string().optional(),
  /** The editors' own wording for the advice text message (at most 6 texts; 2 read best). */
  textMessage: z.string().optional(),
  /** Slugs of the organisations the guide signposts, in the editor's order. */
  organisations: z.array(z.string()),
  /** Area slugs the guide applies to; empty means national. */
  areas: z.array(z.string()),
  reviewedAt: z.string(),
  reviewBy: z.string(),
  reviewOverdue: z.boolean(),
  /** Canonical web address of the guide, for QR codes and emails. */
  url: z.string(),
  updatedAt: z.string(),
  /** Stamp of everything a reader sees of this guide (its text and its organisations' facts, in its language). */
  revision: z.string(),
  /** Stamp of the guide's own words only (rules/revision.ts): what a translation records it was translated from. */
  contentRevision: z.string(),
})

/** One language's phrase catalogue (the fixed words around the content), keyed 'channel.key'. */
export const phraseCatalogueSchema = z.object({
  id: z.string(),
  language: languageCodeSchema,
  phrases: z.record(z.string(), z.string()),
})
export type PhraseCatalogue = z.infer<typeof phraseCatalogueSchema>

/** The service's logo as stored (a Sanity image asset); `url` is where its bytes are (https, or file: for the embedded dataset). */
export const logoSchema = z.object({
  url: z.string(),
  alt: z.string(),
  mimeType: z.enum(['image/png', 'image/svg+xml']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})

/** The service's own identity, shown on every channel instead of the software's name. */
export const identitySchema = z.object({
  /** The name readers know, e.g. "Derbyshire Victim Services". */
  name: z.string(),
  /** e.g. "Funded by the Police and Crime Commissioner for Derbyshire". */
  funderLine: z.string().optional(),
  logo: logoSchema.optional(),
  /** `#rrggbb`, checked for WCAG AA contrast against white and the text colour. */
  accentColour: z.string().regex(/^#[0-9a-f]{6}$/),
})

export const siteSettingsSchema = z.object({
  siteName: z.string(),
  identity: identitySchema,
  defaultArea: z.string(),
  emergencyNotice: z.string(),
  exitUrl: z.string(),
  siteUrl: z.string(),
})

export type PhoneContact = z.infer<typeof phoneContactSchema>
export type SmsContact = z.infer<typeof smsContactSchema>
export type WebsiteContact = z.infer<typeof websiteContactSchema>
export type EmailContact = z.infer<typeof emailContactSchema>
export type ContactPoint = z.infer<typeof contactPointSchema>
export type Organisation = z.infer<typeof organisationSchema>
export type Area = z.infer<typeof areaSchema>
export type Section = z.infer<typeof sectionSchema>
export type Step = z.infer<typeof stepSchema>
export type Guide = z.infer<typeof guideSchema>
export type SiteSettings = z.infer<typeof siteSettingsSchema>
export type Identity = z.infer<typeof identitySchema>
export type Logo = z.infer<typeof logoSchema>

export const perspectiveSchema = z.enum(['published', 'drafts'])
export type Perspective = z.infer<typeof perspectiveSchema>

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** The document at fault (or the dataset file for a line that does not parse). */
  documentId: z.string(),
  /** Field path inside the document, e.g. `contactPoints[0].number`. */
  path: z.string(),
  message: z.string(),
  /** NDJSON line number, for problems found while reading the embedded file. */
  line: z.number().int().positive().optional(),
})

/** The whole normalised model, as every app receives it: normalise() checks its own output against this. */
export const contentSchema = z.object({
  source: z.string(),
  perspective: perspectiveSchema,
  settings: siteSettingsSchema,
  guides: z.array(guideSchema),
  organisations: z.array(organisationSchema),
  areas: z.array(areaSchema),
  /** One per language that has one; English phrases absent here come from the code (phrases/*.ts). */
  phraseCatalogues: z.array(phraseCatalogueSchema),
  /** Warnings an editor should see (long sentences, reviews overdue); errors never get this far. */
  warnings: z.array(problemSchema),
})

export type Problem = z.infer<typeof problemSchema>

export type Content = z.infer<typeof contentSchema>
