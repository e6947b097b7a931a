// Turns the raw query result into the validated model: resolves references, phone and SMS links,
// canonical URLs, review flags and revision stamps. Every problem is collected before anything is rejected.
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import type { z } from 'zod'
import {
  contentSchema,
  ORGANISATION_KINDS,
  type Area,
  type ContactPoint,
  type Content,
  type Guide,
  type Organisation,
  type Perspective,
  type Problem,
} from './model.js'
import { ContentError, formatPath } from './problems.js'
import { identityOf, identityWarnings } from './identity.js'
import { rawArea, rawContactPoint, rawGuide, rawOrganisation, rawPhraseCatalogue, rawSettings, type RawGuide, type RawOrganisation } from './raw.js'
import { DEFAULT_LANGUAGE, getLanguage, type LanguageCode } from './languages.js'
import { phraseCatalogueProblems } from './phraseChecks.js'
import { linkTranslations, type TranslationLink } from './translations.js'
import { checkStoredDocuments, type StoredDocuments } from './documentChecks.js'
import { plainIssue } from './plainErrors.js'
import { linkContactNumbers } from './richText.js'
import {
  checkSmsLength,
  displayUrl,
  guideContentRevision,
  isReviewOverdue,
  longSentenceMessage,
  longSentences,
  overdueMessage,
  parseSms,
  parseUkPhone,
  stampOf,
} from './rules/index.js'
import type { ContentQueryResult } from './sanity.types.js'

export type NormaliseOptions = {
  source: string
  perspective: Perspective
  /** Public address of the site, for canonical URLs (SIGNPOST_SITE_URL). */
  siteUrl: string
  /** Used only to flag reviews that are overdue. */
  now?: Date
  /** Problems found before the query ran (an NDJSON line that does not parse). */
  problems?: Problem[]
}

type Doc = { _id?: unknown }

function parseEach<S extends z.ZodType>(schema: S, docs: Doc[] | null | undefined, problems: Problem[]): Array<z.output<S>> {
  const out: Array<z.output<S>> = []
  for (const doc of docs ?? []) {
    const documentId = typeof doc?._id === 'string' ? doc._id : '(document without _id)'
    const result = schema.safeParse(doc, { error: plainIssue })
    if (result.success) out.push(result.data)
    else {
      for (const issue of result.error.issues) {
        problems.push({ severity: 'error', documentId, path: formatPath(issue.path), message: issue.message })
      }
    }
  }
  return out
}

type RawContactPoint = z.output<typeof rawContactPoint>

/** The organisation's own words in each other language: description, and each contact point's label and hours. */
function organisationTranslations(o: RawOrganisation): Organisation['translations'] {
  const languages = new Set<LanguageCode>(Object.keys(o.descriptionTranslations) as LanguageCode[])
  for (const c of o.contactPoints) {
    for (const code of Object.keys(c.labelTranslations)) languages.add(code as LanguageCode)
    if (c._type === 'phoneContact') for (const code of Object.keys(c.hoursTranslations)) languages.add(code as LanguageCode)
  }
  return [...languages].map((language) => ({
    language,
    description: o.descriptionTranslations[language],
    contactPoints: o.contactPoints
      .map((c: RawContactPoint) => ({
        key: c._key,
        label: c.labelTranslations[language],
        hours: c._type === 'phoneContact' ? c.hoursTranslations[language] : undefined,
      }))
      .filter((c) => c.label !== undefined || c.hours !== undefined),
  }))
}

function contactPoint(raw: RawContactPoint): ContactPoint {
  const base = { key: raw._key, label: raw.label }
  switch (raw._type) {
    case 'phoneContact': {
      const phone = parseUkPhone(raw.number)
      if (!phone.ok) throw new Error('unreachable: phone was validated')
      return {
        kind: 'phone',
        ...base,
        display: phone.value.display,
        dial: phone.value.dial,
        href: phone.value.href,
        hours: raw.hours,
        freeToCall: phone.value.freeToCall,
      }
    }
    case 'smsContact': {
      const sms = parseSms(raw.keyword, raw.shortCode)
      if (!sms.ok) throw new Error('unreachable: sms was validated')
      return { kind: 'sms', ...base, ...sms.value }
    }
    case 'websiteContact':
      return { kind: 'website', ...base, url: raw.url as string, display: displayUrl(raw.url as string) }
    case 'emailContact':
      return { kind: 'email', ...base, address: raw.address as string, href: `mailto:${raw.address as string}` }
  }
}

/**
 * One fault, one message: an error on a field (or on a field inside it) that already has a control-character error,
 * or the same message twice for one field, is dropped. Warnings are kept.
 */
function oneMessagePerFault(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  const control = problems.filter((p) => p.severity === 'error' && p.message.startsWith('This text has a hidden control character'))
  return problems.filter((p) => {
    if (p.severity !== 'error') return true
    const key = `${p.line ?? ''}\u0000${p.documentId}\u0000${p.path}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    const covered = control.some(
      (c) => c !== p && c.documentId === p.documentId && (c.path === p.path || c.path.startsWith(`${p.path}.`) || c.path.startsWith(`${p.path}[`)),
    )
    return !covered
  })
}

/** One stamp function for every revision (rules/revision.ts): the Studio computes translations' revisions with it too. */
const stamp = stampOf

function guideText(g: RawGuide): string[] {
  return [g.summary, ...g.sections.map((s) => toPlainText(s.body as unknown as PortableTextBlock[])), ...g.steps.map((s) => s.text)]
}

export function normalise(result: ContentQueryResult, options: NormaliseOptions): Content {
  const problems: Problem[] = [...(options.problems ?? [])]
  const siteUrl = options.siteUrl.replace(/\/$/, '')
  const now = options.now ?? new Date()

  const settingsDocs = (result.settings ?? []) as Doc[]
  if (settingsDocs.length === 0) {
    problems.push({ severity: 'error', documentId: 'siteSettings', path: '', message: 'The site settings document is missing.' })
  }
  const [settings] = parseEach(rawSettings, settingsDocs.slice(0, 1), problems)
  const areas = parseEach(rawArea, result.areas as Doc[], problems)
  const orgs = parseEach(rawOrganisation, result.organisations as Doc[], problems)
  const guides = parseEach(rawGuide, result.guides as Doc[], problems)
  const catalogues = parseEach(rawPhraseCatalogue, result.phraseCatalogues as Doc[], problems)
  // The words' stamp from the documents as stored (the Studio computes it the same way), before any trimming.
  const contentRevisionById = new Map((result.guides ?? []).map((g) => [g._id, guideContentRevision(g)]))
  const links = linkTranslations(guides, result.translationGroups, contentRevisionById, problems)

  // References, duplicate slugs and the rules joining two fields, on the documents as stored (see documentChecks.ts).
  checkStoredDocuments(result as StoredDocuments, problems)

  const areaById = new Map(areas.map((a) => [a._id, a]))
  const orgById = new Map<string, RawOrganisation>(orgs.map((o) => [o._id, o]))

  if (settings) {
    problems.push(...identityWarnings(settings))
  }
  for (const o of orgs) {
    const long = longSentenceMessage(longSentences(o.description))
    if (long) problems.push({ severity: 'warning', documentId: o._id, path: 'description', message: long })
  }
  for (const g of guides) {
    if (isReviewOverdue(g.reviewBy, now)) problems.push({ severity: 'warning', documentId: g._id, path: 'reviewBy', message: overdueMessage(g.reviewBy) })
    const long = longSentenceMessage(guideText(g).flatMap((t) => longSentences(t)))
    if (long) problems.push({ severity: 'warning', documentId: g._id, path: 'sections', message: long })
    const sms = g.textMessage === undefined ? undefined : checkSmsLength(g.textMessage)
    if (sms?.ok && sms.warning) problems.push({ severity: 'warning', documentId: g._id, path: 'textMessage', message: sms.warning })
  }

  problems.push(
    ...phraseCatalogueProblems(
      catalogues,
      guides.map((g) => g.language),
    ),
  )

  problems.splice(0, problems.length, ...oneMessagePerFault(problems))
  if (problems.some((p) => p.severity === 'error') || !settings) throw new ContentError(problems)

  const areaSlug = (id: string) => areaById.get(id)!.slug
  const orgSlug = (id: string) => orgById.get(id)!.slug

  const organisations: Organisation[] = orgs.map((o) => ({
    id: o._id,
    slug: o.slug,
    name: o.name,
    kind: o.kind!,
    kindLabel: ORGANISATION_KINDS[o.kind!].title,
    description: o.description,
    contactPoints: o.contactPoints.map(contactPoint),
    free: o.free,
    confidential: o.confidential,
    national: o.coverage === 'national',
    areas: o.coverage === 'national' ? [] : o.areas.map((id) => areaSlug(id!)),
    status: o.status,
    successor: o.successor && orgSlug(o.successor),
    fundedBy: o.fundedBy && orgSlug(o.fundedBy),
    url: `${siteUrl}/organisations/${o.slug}`,
    updatedAt: o._updatedAt,
    translations: organisationTranslations(o),
  }))
  const orgBySlug = new Map(organisations.map((o) => [o.slug, o]))

  const normalisedAreas: Area[] = areas.map((a) => ({
    id: a._id,
    slug: a.slug,
    name: a.name,
    forceName: a.forceName,
    commissioner: a.commissioner && orgSlug(a.commissioner),
  }))

  const normalisedGuides: Guide[] = guides.map((g) => {
    const signposted = g.organisations.map((id) => orgSlug(id!))
    const link: TranslationLink | undefined = links.get(g._id)
    const slug = link?.slug ?? g.slug
    const text = {
      title: g.title,
      slug,
      summary: g.summary,
      language: g.language,
      sections: g.sections.map((s) => ({ key: s._key, heading: s.heading, body: linkContactNumbers(s.body) })),
      steps: g.steps.map((s) => ({ key: s._key, text: s.text, organisation: s.organisation && orgSlug(s.organisation) })),
      organisationsIntro: g.organisationsIntro,
      organisations: signposted,
      areas: g.areas.map((id) => areaSlug(id!)),
      reviewedAt: g.reviewedAt,
      reviewBy: g.reviewBy,
      textMessage: g.textMessage,
    }
    // The organisations' facts as a reader of this language sees them (their own translations, never the guide's).
    const facts = signposted.map((orgSlugValue) => {
      const { updatedAt: _u, url: _url, translations, ...rest } = orgBySlug.get(orgSlugValue)!
      return g.language === DEFAULT_LANGUAGE ? rest : { ...rest, translation: translations.find((t) => t.language === g.language) }
    })
    return {
      id: g._id,
      ...text,
      dir: getLanguage(g.language).dir,
      translation: link?.translation,
      reviewOverdue: isReviewOverdue(g.reviewBy, now),
      url: g.language === DEFAULT_LANGUAGE ? `${siteUrl}/guides/${slug}` : `${siteUrl}/${g.language}/guides/${slug}`,
      updatedAt: g._updatedAt,
      revision: stamp({ text, facts }),
      contentRevision: contentRevisionById.get(g._id)!,
    }
  })

  return contentSchema.parse({
    source: options.source,
    perspective: options.perspective,
    settings: {
      siteName: settings.siteName,
      identity: identityOf(settings),
      defaultArea: areaSlug(settings.defaultArea),
      emergencyNotice: settings.emergencyNotice,
      exitUrl: settings.exitUrl,
      siteUrl,
    },
    guides: normalisedGuides,
    organisations,
    areas: normalisedAreas,
    phraseCatalogues: catalogues.map((c) => ({ id: c._id, language: c.language, phrases: c.phrases })),
    warnings: problems,
  })
}
