// The model's rules that every channel shares: which guides and contacts apply to an area, which service
// is the local one, the most important action. Apps render these views and never re-derive them.
import type { Area, Content, Guide, Organisation, SiteSettings, Step } from './model.js'

export class NotFoundError extends Error {
  readonly valid: string[]
  constructor(what: 'guide' | 'area' | 'organisation', slug: string, valid: string[]) {
    super(`Unknown ${what} "${slug}". Valid ${what}s: ${valid.join(', ') || '(none)'}.`)
    this.name = 'NotFoundError'
    this.valid = valid
  }
}

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

/** Guides a reader in this area can see: national ones and the area's own. */
export function guidesForArea(content: Content, areaSlug: string = content.settings.defaultArea): Guide[] {
  getArea(content, areaSlug)
  return content.guides.filter((g) => appliesToArea(g, areaSlug))
}

export function getGuide(content: Content, slug: string, areaSlug: string = content.settings.defaultArea): Guide {
  const valid = guidesForArea(content, areaSlug)
  const guide = valid.find((g) => g.slug === slug)
  if (!guide)
    throw new NotFoundError(
      'guide',
      slug,
      valid.map((g) => g.slug),
    )
  return guide
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

/** Guides in the area that signpost the organisation (or what it was renamed to). */
export function guidesSignposting(content: Content, orgSlug: string, areaSlug: string = content.settings.defaultArea): Guide[] {
  return guidesForArea(content, areaSlug).filter((g) => organisationsForArea(content, g.organisations, areaSlug).some((o) => o.slug === orgSlug))
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
  /** "Checked 2026-11-01 · revision 1a2b3c4" */
  checkedLine: string
}

export function shortRevision(revision: string): string {
  return revision.slice(0, 7)
}

export function viewGuide(content: Content, slug: string, areaSlug: string = content.settings.defaultArea): GuideView {
  const area = getArea(content, areaSlug)
  const guide = getGuide(content, slug, area.slug)
  const organisations = localFirst(organisationsForArea(content, guide.organisations, area.slug))
  const steps = guide.steps.map((s) => {
    const org = s.organisation ? current(content, getOrganisation(content, s.organisation)) : undefined
    return org && organisationServesArea(org, area.slug) ? { ...s, organisationView: org } : { ...s }
  })
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
    checkedLine: `Checked ${guide.reviewedAt} · revision ${shortRevision(guide.revision)}`,
  }
}
