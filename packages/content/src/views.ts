// The model's rules that every channel shares: which guides and contacts apply to an area, which service
// is the local one, the most important action. Apps render these views and never re-derive them.
import type { Area, ContactPoint, Content, Guide, Organisation, SiteSettings, Step } from './model.js'
import { DEFAULT_LANGUAGE, getLanguage, SUPPORTED_LANGUAGES, type Language, type LanguageCode } from './languages.js'
import { NotFoundError } from './notFound.js'
import { phrasesFor, type PhraseKey, type Phrases } from './phrases.js'
import type { OrganisationKind } from './rules/organisation.js'

export { NotFoundError }

export function getArea(content: Content, slug: string = content.settings.defaultArea): Area {
  const area = content.areas.find((a) => a.slug === slug)
  if (!area)
    throw new NotFoundError(
      'area',
      slug,
      content.areas.map((a) => a.slug),
    )
  return area
}

export function getOrganisation(content: Content, slug: string): Organisation {
  const org = content.organisations.find((o) => o.slug === slug)
  if (!org)
    throw new NotFoundError(
      'organisation',
      slug,
      content.organisations.map((o) => o.slug),
    )
  return org
}

export function appliesToArea(item: { areas: string[] }, areaSlug: string): boolean {
  return item.areas.length === 0 || item.areas.includes(areaSlug)
}

export function organisationServesArea(org: Organisation, areaSlug: string): boolean {
  return org.national || org.areas.includes(areaSlug)
}

/** Guides a reader in this area can see in this language: national ones and the area's own. */
export function guidesForArea(content: Content, areaSlug: string = content.settings.defaultArea, lang: string = DEFAULT_LANGUAGE): Guide[] {
  getArea(content, areaSlug)
  const language = getLanguage(lang)
  return content.guides.filter((g) => g.language === language.code && appliesToArea(g, areaSlug))
}

/** The guide in this language; a guide not translated into it throws NotFoundError naming the languages it exists in. */
export function getGuide(content: Content, slug: string, areaSlug: string = content.settings.defaultArea, lang: string = DEFAULT_LANGUAGE): Guide {
  const valid = guidesForArea(content, areaSlug, lang)
  const guide = valid.find((g) => g.slug === slug)
  if (guide) return guide
  const elsewhere = languagesOf(content, slug, areaSlug)
  if (elsewhere.length) {
    throw new NotFoundError(
      'guide',
      slug,
      valid.map((g) => g.slug),
      `Guide "${slug}" is not translated into ${getLanguage(lang).name} (${lang}); it exists in: ${elsewhere.map((l) => `${l.code} (${l.name})`).join(', ')}.`,
    )
  }
  throw new NotFoundError(
    'guide',
    slug,
    valid.map((g) => g.slug),
  )
}

/** The languages a guide (by slug) exists in for this area, in SUPPORTED_LANGUAGES order. */
export function languagesOf(content: Content, slug: string, areaSlug: string = content.settings.defaultArea): Language[] {
  const codes = new Set(content.guides.filter((g) => g.slug === slug && appliesToArea(g, areaSlug)).map((g) => g.language))
  return SUPPORTED_LANGUAGES.filter((l) => codes.has(l.code))
}

/** An organisation as the reader should meet it: closed ones drop out, renamed ones become their successor. */
function current(content: Content, org: Organisation): Organisation | undefined {
  if (org.status === 'active') return org
  if (org.successor) return current(content, getOrganisation(content, org.successor))
  return undefined
}

/** Organisations that serve this area and are current, for a list of slugs, without repeats. */
export function organisationsForArea(content: Content, slugs: string[], areaSlug: string): Organisation[] {
  const seen = new Set<string>()
  const out: Organisation[] = []
  for (const slug of slugs) {
    const org = current(content, getOrganisation(content, slug))
    if (!org || seen.has(org.slug) || !organisationServesArea(org, areaSlug)) continue
    seen.add(org.slug)
    out.push(org)
  }
  return out
}

/** Local services first, then national ones, each group in the order given. */
function localFirst(orgs: Organisation[]): Organisation[] {
  return [...orgs.filter((o) => !o.national), ...orgs.filter((o) => o.national)]
}

/** The service to lead with ("get help now", a leaflet's front): the first local support service, else any support service. */
export function primarySupportOf(orgs: Organisation[]): Organisation | undefined {
  return orgs.find((o) => !o.national && o.kind === 'supportService') ?? orgs.find((o) => o.kind === 'supportService')
}

/** Every current organisation that serves the area, local first. */
export function organisationsServingArea(content: Content, areaSlug: string = content.settings.defaultArea): Organisation[] {
  getArea(content, areaSlug)
  return localFirst(
    organisationsForArea(
      content,
      content.organisations.map((o) => o.slug),
      areaSlug,
    ),
  )
}

/** Guides in the area (in this language) that signpost the organisation (or what it was renamed to). */
export function guidesSignposting(
  content: Content,
  orgSlug: string,
  areaSlug: string = content.settings.defaultArea,
  lang: string = DEFAULT_LANGUAGE,
): Guide[] {
  return guidesForArea(content, areaSlug, lang).filter((g) => organisationsForArea(content, g.organisations, areaSlug).some((o) => o.slug === orgSlug))
}

const KIND_PHRASES: Record<OrganisationKind, PhraseKey> = {
  reportingCentre: 'common.kindReportingCentre',
  supportService: 'common.kindSupportService',
  charity: 'common.kindCharity',
  adviceWebsite: 'common.kindAdviceWebsite',
  funder: 'common.kindFunder',
}

/**
 * The organisation as a reader of this language meets it: its description, contact labels and hours in that language
 * (English where there is no translation), its kind and text instruction from the phrases. Names, numbers, short codes,
 * keywords and links are the organisation's own, always.
 */
export function localiseOrganisation(org: Organisation, phrases: Phrases): Organisation {
  const code: LanguageCode = phrases.language.code
  if (code === DEFAULT_LANGUAGE) return org
  const tr = org.translations.find((t) => t.language === code)
  const contactPoints = org.contactPoints.map((c): ContactPoint => {
    const own = tr?.contactPoints.find((p) => p.key === c.key)
    const label = own?.label ?? c.label
    switch (c.kind) {
      case 'phone':
        return { ...c, label, hours: own?.hours ?? c.hours }
      case 'sms':
        return { ...c, label, instruction: phrases.t('common.smsInstruction', { keyword: c.keyword, shortCode: c.shortCode }) }
      default:
        return { ...c, label }
    }
  })
  return { ...org, description: tr?.description ?? org.description, kindLabel: phrases.t(KIND_PHRASES[org.kind]), contactPoints }
}

export type StepView = Step & { organisationView?: Organisation }

export type GuideView = {
  guide: Guide
  area: Area
  settings: SiteSettings
  /** Every signposted organisation that serves this area, local services first. */
  organisations: Organisation[]
  local: Organisation[]
  national: Organisation[]
  /** The local support service to put on the front: first local support service, else any support service. */
  primarySupport?: Organisation
  steps: StepView[]
  /** The single most important action: the first step. */
  firstStep?: StepView
  /** "Checked 2026-11-01 · revision 1a2b3c4", in the guide's language. */
  checkedLine: string
  language: Language
  /** The fixed words around the content in this language (English for any phrase not translated). */
  phrases: Phrases
  /** Every language the guide exists in (this one included), in SUPPORTED_LANGUAGES order. */
  versions: Array<{ language: Language; slug: string; url: string; title: string }>
  /** The English original, on translations. */
  original?: { slug: string; url: string; title: string }
}

export function shortRevision(revision: string): string {
  return revision.slice(0, 7)
}

export function viewGuide(content: Content, slug: string, areaSlug: string = content.settings.defaultArea, lang: string = DEFAULT_LANGUAGE): GuideView {
  const area = getArea(content, areaSlug)
  const guide = getGuide(content, slug, area.slug, lang)
  const phrases = phrasesFor(content, guide.language)
  const organisations = localFirst(organisationsForArea(content, guide.organisations, area.slug)).map((o) => localiseOrganisation(o, phrases))
  const steps = guide.steps.map((s) => {
    const org = s.organisation ? current(content, getOrganisation(content, s.organisation)) : undefined
    return org && organisationServesArea(org, area.slug) ? { ...s, organisationView: localiseOrganisation(org, phrases) } : { ...s }
  })
  const versions = languagesOf(content, guide.slug, area.slug).map((language) => {
    const g = getGuide(content, guide.slug, area.slug, language.code)
    return { language, slug: g.slug, url: g.url, title: g.title }
  })
  const originalGuide = guide.translation ? content.guides.find((g) => g.id === guide.translation?.originalId) : undefined
  return {
    guide,
    area,
    settings: content.settings,
    organisations,
    local: organisations.filter((o) => !o.national),
    national: organisations.filter((o) => o.national),
    primarySupport: primarySupportOf(organisations),
    steps,
    firstStep: steps[0],
    checkedLine: phrases.t('common.checkedRevision', { date: guide.reviewedAt, revision: shortRevision(guide.revision) }),
    language: phrases.language,
    phrases,
    versions,
    original: originalGuide && { slug: originalGuide.slug, url: originalGuide.url, title: originalGuide.title },
  }
}
