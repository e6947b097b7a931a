// Rules about organisations that both the Studio and the content door apply: their kinds, where they serve,
// and what replaced them.
import { fail, pass, type RuleResult } from './result.js'

export const ORGANISATION_KINDS = {
  reportingCentre: { title: 'Reporting centre', plural: 'Reporting centres' },
  supportService: { title: 'Support service', plural: 'Support services' },
  charity: { title: 'Charity', plural: 'Charities' },
  adviceWebsite: { title: 'Advice website', plural: 'Advice websites' },
  funder: { title: 'Funder', plural: 'Funders' },
} as const
export type OrganisationKind = keyof typeof ORGANISATION_KINDS
export const ORGANISATION_KIND_VALUES = Object.keys(ORGANISATION_KINDS) as [OrganisationKind, ...OrganisationKind[]]

export function organisationKindTitle(kind: unknown): string | undefined {
  return typeof kind === 'string' && kind in ORGANISATION_KINDS ? ORGANISATION_KINDS[kind as OrganisationKind].title : undefined
}

/** A local organisation must name at least one area it serves. */
export function checkCoverageAreas(coverage: unknown, areas: unknown): RuleResult<true> {
  if (coverage === 'local' && (!Array.isArray(areas) || areas.length === 0)) {
    return fail('A local organisation needs at least one area it serves.')
  }
  return pass(true)
}

/** A renamed organisation must point at what it became, and never at itself. */
export function checkSuccessor(status: unknown, successorId: unknown, ownId?: string): RuleResult<true> {
  if (status === 'renamed' && !successorId) return fail('A renamed organisation needs the organisation it became.')
  if (successorId && ownId && successorId === ownId.replace(/^drafts\./, '')) return fail('An organisation cannot replace itself.')
  return pass(true)
}

const CONTACT_POINT_TYPES = ['phoneContact', 'smsContact', 'websiteContact', 'emailContact']

/**
 * An active organisation needs at least one way in (phone, text, website or email): otherwise it is a dead end on the
 * site and the leaflet. A warning, not an error. Closed and renamed organisations are not shown, so they pass.
 */
export function checkContactable(contactPoints: unknown, status?: unknown): RuleResult<true> {
  if (status === 'closed' || status === 'renamed') return pass(true)
  const any = Array.isArray(contactPoints) && contactPoints.some((c: { _type?: unknown } | null) => CONTACT_POINT_TYPES.includes(String(c?._type)))
  if (any) return pass(true)
  return fail('Readers have no way to contact this organisation: add a phone number, text number, website or email address.')
}
