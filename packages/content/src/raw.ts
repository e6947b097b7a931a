// Zod schemas for documents as the content query returns them: the shape check at the content door.
// Field rules come from ./rules, so an editor in the Studio and this door get the same message.
import { z } from 'zod'
import { organisationKindSchema } from './model.js'
import { DEFAULT_LANGUAGE, isSupportedLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from './languages.js'
import { PHRASE_GROUPS } from './phrases.js'
import { quote } from './rules/text.js'

const translationChoices = () =>
  SUPPORTED_LANGUAGES.filter((l) => l.code !== DEFAULT_LANGUAGE)
    .map((l) => `${l.code} (${l.name})`)
    .join(', ')
import { checkAccentColour, checkLogoAlt, checkLogoMimeType, checkSmsLength } from './rules/index.js'
import {
  checkEmailAddress,
  checkHttpsUrl,
  checkSupportedLanguage,
  checkIsoDate,
  checkRichTextLinks,
  checkShortCode,
  checkSingleLine,
  checkSlug,
  checkSmsKeyword,
  parseUkPhone,
  SECTION_WITHOUT_TEXT,
  type RuleResult,
} from './rules/index.js'

/** Refuses a line break in a one-line field, before any trimming, so the Studio and this door see the same value. */
const oneLine = (value: string, ctx: z.RefinementCtx) => {
  const r = checkSingleLine(value)
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message })
}

/** A required text that may run over several lines (a summary, a description, a step). */
const requiredText = (what: string) =>
  z
    .string({ error: (iss) => (iss.input == null ? `${what} is missing.` : `${what} must be text.`) })
    .trim()
    .min(1, `${what} is empty.`)

/** A required one-line text (a title, a name, a heading). */
const required = (what: string) =>
  z
    .string({ error: (iss) => (iss.input == null ? `${what} is missing.` : `${what} must be text.`) })
    .superRefine(oneLine)
    .trim()
    .min(1, `${what} is empty.`)

const ruled = (check: (v: unknown) => RuleResult<unknown>) =>
  z.unknown().superRefine((value, ctx) => {
    const r = check(value)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message })
  })

/** A field whose rule also gives the value to keep (a language code from "en-GB"). */
const ruledValue = <T>(check: (v: unknown) => RuleResult<T>) =>
  z.unknown().transform((value, ctx): T => {
    const r = check(value)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: r.message })
    return z.NEVER
  })

const slugField = z
  .object({ current: z.unknown() }, { error: 'The slug (web address name) is missing.' })
  .transform((s) => s.current)
  .pipe(ruled(checkSlug))
  .transform((s) => s as string)

const optionalParagraph = z
  .string()
  .nullish()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
/** An optional one-line text (a label, opening hours). */
const optionalText = z
  .string()
  .superRefine(oneLine)
  .nullish()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
const refs = z
  .array(z.string().nullable())
  .nullish()
  .transform((v) => v ?? [])

/**
 * An organisation's words in other languages, as a plain object per field: { cy: '…', pl: '…', ur: '…' }.
 * Keys other than supported, non-English codes are refused, naming the field; empty values count as not translated.
 */
const rawTranslations = (oneLineOnly: boolean) =>
  z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v, ctx) => {
      const out: Partial<Record<LanguageCode, string>> = {}
      for (const [key, value] of Object.entries(v ?? {})) {
        if (key.startsWith('_') || value == null) continue
        if (!isSupportedLanguage(key) || key === DEFAULT_LANGUAGE) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${quote(key)} is not a language to translate into. Use one of: ${translationChoices()}.` })
          continue
        }
        if (typeof value !== 'string') {
          ctx.addIssue({ code: 'custom', path: [key], message: 'The translation must be text.' })
          continue
        }
        const line = checkSingleLine(value)
        if (oneLineOnly && !line.ok) {
          ctx.addIssue({ code: 'custom', path: [key], message: line.message })
          continue
        }
        if (value.trim()) out[key] = value.trim()
      }
      return out
    })

const rawPhone = z.object({
  _type: z.literal('phoneContact'),
  _key: z.string(),
  label: optionalText,
  number: ruled((v) => parseUkPhone(v)),
  hours: optionalText,
  labelTranslations: rawTranslations(true),
  hoursTranslations: rawTranslations(true),
})
const rawSms = z.object({
  _type: z.literal('smsContact'),
  _key: z.string(),
  label: optionalText,
  keyword: ruled(checkSmsKeyword),
  shortCode: ruled(checkShortCode),
  labelTranslations: rawTranslations(true),
})
const rawWebsite = z.object({
  _type: z.literal('websiteContact'),
  _key: z.string(),
  label: optionalText,
  url: ruled(checkHttpsUrl),
  labelTranslations: rawTranslations(true),
})
const rawEmail = z.object({
  _type: z.literal('emailContact'),
  _key: z.string(),
  label: optionalText,
  address: ruled(checkEmailAddress),
  labelTranslations: rawTranslations(true),
})

export const rawContactPoint = z.discriminatedUnion('_type', [rawPhone, rawSms, rawWebsite, rawEmail], {
  error: 'Unknown kind of contact point: use phone, text message, website or email.',
})

/** The logo as the query returns it (asset dereferenced); an image field without an asset means no logo. */
const rawLogo = z
  .object({
    assetRef: z.string().nullish(),
    alt: z.unknown(),
    url: z.string().nullish(),
    mimeType: z.unknown(),
    width: z.number().nullish(),
    height: z.number().nullish(),
  })
  .nullish()
  .superRefine((logo, ctx) => {
    if (!logo?.assetRef || !logo.url) return
    const alt = checkLogoAlt(logo.alt)
    if (!alt.ok) ctx.addIssue({ code: 'custom', message: alt.message, path: ['alt'] })
    const type = checkLogoMimeType(logo.mimeType)
    if (!type.ok) ctx.addIssue({ code: 'custom', message: type.message })
  })

export const rawSettings = z.object({
  _id: z.string(),
  siteName: required('The site name'),
  serviceName: required('The service name'),
  funderLine: optionalText,
  logo: rawLogo,
  accentColour: z.unknown().transform((value, ctx) => {
    const r = checkAccentColour(value)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: r.message })
    return z.NEVER
  }),
  defaultArea: z.string({ error: 'Choose the default area.' }),
  emergencyNotice: required('The emergency notice'),
  exitUrl: ruled(checkHttpsUrl).transform((v) => v as string),
})

export const rawArea = z.object({
  _id: z.string(),
  name: required('The area name'),
  slug: slugField,
  forceName: required('The police force name'),
  commissioner: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
})

export const rawOrganisation = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  name: required('The organisation name'),
  slug: slugField,
  kind: organisationKindSchema.nullish().refine((v) => v != null, 'Choose what kind of organisation this is.'),
  description: requiredText('The description'),
  descriptionTranslations: rawTranslations(false),
  contactPoints: z
    .array(rawContactPoint)
    .nullish()
    .transform((v) => v ?? []),
  // Required as in the Studio: "not said" is not the same as "no".
  free: z.boolean({ error: 'Say whether the service is free.' }),
  confidential: z.boolean({ error: 'Say whether the service is confidential.' }),
  coverage: z.enum(['national', 'local'], { error: 'Say whether the organisation is national or serves chosen areas.' }),
  areas: refs,
  status: z.enum(['active', 'renamed', 'closed'], { error: 'Choose a status: active, renamed or merged, or closed.' }),
  successor: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  fundedBy: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
})

const optionalDate = z
  .string({ error: 'This must be a date, like 2026-11-01.' })
  .nullish()
  .superRefine((v, ctx) => {
    if (v == null || v === '') return
    const r = checkIsoDate(v)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message })
  })
  .transform((v) => v || undefined)

/** A translation's record of the original it follows and of its review (absent on originals). */
const rawTranslationStatus = z
  .object({
    translatedFromRevision: z
      .string()
      .nullish()
      .transform((v) => v?.trim() || undefined),
    checkedAgainstOriginalOn: optionalDate,
    reviewed: z.boolean({ error: 'Say whether a qualified translator has checked this translation.' }).nullish(),
    reviewedBy: optionalText,
    reviewedOn: optionalDate,
  })
  .nullish()
  .transform((v) => v ?? undefined)

/** A section's Portable Text: at least one block, every link target one the link rule accepts (named by its path). */
const rawBlocks = z
  .array(z.looseObject({ _type: z.string(), _key: z.string().optional() }), { error: SECTION_WITHOUT_TEXT })
  .min(1, SECTION_WITHOUT_TEXT)
  .superRefine((blocks, ctx) => {
    for (const fault of checkRichTextLinks(blocks)) ctx.addIssue({ code: 'custom', message: fault.message, path: fault.path })
  })

// Review dates, references, coverage and successors are checked on the stored documents (documentChecks.ts), so a
// fault in another field never hides them.
export const rawGuide = z.object({
  _id: z.string(),
  _updatedAt: z.string(),
  title: required('The title'),
  slug: slugField,
  summary: requiredText('The summary'),
  language: ruledValue(checkSupportedLanguage),
  // Set on translations: which revision of the original they were checked against, and whether a translator checked them.
  translation: rawTranslationStatus,
  sections: z
    .array(z.object({ _key: z.string(), heading: required('The section heading'), body: rawBlocks }), {
      error: 'The guide has no sections.',
    })
    .min(1, 'The guide has no sections.'),
  steps: z
    .array(
      z.object({
        _key: z.string(),
        text: requiredText('The step'),
        organisation: z
          .string()
          .nullish()
          .transform((v) => v ?? undefined),
      }),
      {
        error: 'Add at least one step, so the reader knows what to do.',
      },
    )
    .min(1, 'Add at least one step, so the reader knows what to do.'),
  organisationsIntro: optionalParagraph,
  organisations: refs,
  areas: refs,
  reviewedAt: ruled(checkIsoDate).transform((v) => v as string),
  reviewBy: ruled(checkIsoDate).transform((v) => v as string),
  // The editors' own wording for the advice text: refused above 6 texts as Notify counts them (warned above 2 in normalise).
  textMessage: optionalParagraph.superRefine((v, ctx) => {
    const r = v === undefined ? undefined : checkSmsLength(v)
    if (r && !r.ok) ctx.addIssue({ code: 'custom', message: r.message })
  }),
})

/** One language's phrase catalogue: one object per channel (common, site, …) of key -> text, as the Studio stores it. */
export const rawPhraseCatalogue = z
  .looseObject({
    _id: z.string(),
    language: ruledValue(checkSupportedLanguage),
  })
  .transform((doc, ctx) => {
    const phrases: Record<string, string> = {}
    for (const group of PHRASE_GROUPS) {
      const values = (doc as Record<string, unknown>)[group]
      if (values == null) continue
      if (typeof values !== 'object' || Array.isArray(values)) {
        ctx.addIssue({ code: 'custom', path: [group], message: `The ${group} phrases must be a set of fields.` })
        continue
      }
      for (const [key, value] of Object.entries(values)) {
        if (key.startsWith('_') || value == null) continue
        if (typeof value !== 'string') ctx.addIssue({ code: 'custom', path: [group, key], message: 'A phrase must be text.' })
        else if (value.trim()) phrases[`${group}.${key}`] = value.trim()
      }
    }
    return { _id: doc._id, language: doc.language, phrases }
  })

export type RawGuide = z.infer<typeof rawGuide>
export type RawOrganisation = z.infer<typeof rawOrganisation>
export type RawArea = z.infer<typeof rawArea>
export type RawPhraseCatalogue = z.infer<typeof rawPhraseCatalogue>
export type RawSettings = z.infer<typeof rawSettings>
