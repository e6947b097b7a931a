// Checks that read the documents as stored, not as parsed: references, duplicate slugs, the rules that join two
// fields, hidden control characters, unknown document types and organisations nobody can contact. Because they do
// not depend on a document passing its shape check, one fault gives one message: a bad phone number never makes the
// guides that point at its organisation "dangle", and never hides a duplicate slug or a review date in the wrong order.
import type { Problem } from './model.js'
import { formatPath } from './problems.js'
import { languageOf } from './languages.js'
import { checkContactable, checkCoverageAreas, checkReviewDates, checkSlug, checkSuccessor, findControlCharacters, quote } from './rules/index.js'

type Stored = Record<string, unknown> & { _id?: unknown }

export type StoredDocuments = {
  settings?: unknown[] | null
  areas?: unknown[] | null
  organisations?: unknown[] | null
  guides?: unknown[] | null
  phraseCatalogues?: unknown[] | null
  /** Documents of a type Signpost does not read (assets and system documents excluded by the query). */
  otherDocuments?: Array<{ _id?: unknown; _type?: unknown }> | null
}

const list = (docs: unknown[] | null | undefined): Stored[] => (docs ?? []).filter((d): d is Stored => !!d && typeof d === 'object')
const idOf = (d: Stored) => (typeof d._id === 'string' ? d._id : '(document without _id)')
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export function checkStoredDocuments(result: StoredDocuments, problems: Problem[]): void {
  const settings = list(result.settings)
  const areas = list(result.areas)
  const orgs = list(result.organisations)
  const guides = list(result.guides)
  const error = (documentId: string, path: string, message: string) => problems.push({ severity: 'error', documentId, path, message })
  const warning = (documentId: string, path: string, message: string) => problems.push({ severity: 'warning', documentId, path, message })

  for (const doc of [...settings, ...areas, ...orgs, ...guides, ...list(result.phraseCatalogues)]) {
    for (const fault of findControlCharacters(doc)) error(idOf(doc), formatPath(fault.path), fault.message)
  }

  for (const doc of result.otherDocuments ?? []) {
    warning(
      String(doc?._id ?? '(document without _id)'),
      '_type',
      `This document is of a type Signpost does not know (${quote(doc?._type)}), so no page, leaflet or email shows it. Delete it, or check it was meant to be a guide, organisation, area or settings.`,
    )
  }

  const areaIds = new Set(areas.map(idOf))
  const orgById = new Map(orgs.map((o) => [idOf(o), o]))
  const ref = (value: unknown, targets: Set<string> | Map<string, unknown>, documentId: string, path: string, what: string): value is string => {
    if (value == null) {
      error(documentId, path, `An empty reference: choose the ${what} or remove the item.`)
      return false
    }
    if (typeof value !== 'string' || !targets.has(value)) {
      error(documentId, path, `Points to ${what} ${quote(value)}, which does not exist (deleted or never published).`)
      return false
    }
    return true
  }
  const each = (value: unknown, f: (item: unknown, i: number) => void) => {
    if (Array.isArray(value)) value.forEach(f)
  }

  for (const s of settings.slice(0, 1)) ref(s.defaultArea, areaIds, idOf(s), 'defaultArea', 'area')
  for (const a of areas) if (a.commissioner != null) ref(a.commissioner, orgById, idOf(a), 'commissioner', 'organisation')

  for (const o of orgs) {
    const id = idOf(o)
    each(o.areas, (r, i) => ref(r, areaIds, id, `areas[${i}]`, 'area'))
    const coverage = checkCoverageAreas(o.coverage, o.areas)
    if (!coverage.ok) error(id, 'areas', coverage.message)
    const successor = checkSuccessor(o.status, o.successor, id)
    if (!successor.ok) error(id, 'successor', successor.message)
    else if (o.successor != null && ref(o.successor, orgById, id, 'successor', 'organisation') && successorLoops(id, orgById)) {
      error(id, 'successor', 'The organisations that replaced this one lead back to it. Choose the organisation that exists now.')
    }
    if (o.fundedBy != null) ref(o.fundedBy, orgById, id, 'fundedBy', 'organisation')
    const contactable = checkContactable(o.contactPoints, o.status)
    if (!contactable.ok) warning(id, 'contactPoints', contactable.message)
  }

  for (const g of guides) {
    const id = idOf(g)
    each(g.organisations, (r, i) => {
      if (!ref(r, orgById, id, `organisations[${i}]`, 'organisation')) return
      const org = orgById.get(r as string)
      if (org?.status === 'closed') {
        warning(id, `organisations[${i}]`, `${text(org.name) ?? r} has closed. Remove it or choose the service that replaced it.`)
      }
    })
    each(g.areas, (r, i) => ref(r, areaIds, id, `areas[${i}]`, 'area'))
    each(g.steps, (s, i) => {
      const org = (s as { organisation?: unknown } | null)?.organisation
      if (org != null) ref(org, orgById, id, `steps[${i}].organisation`, 'organisation')
    })
    const dates = checkReviewDates(g.reviewedAt, g.reviewBy)
    if (!dates.ok) error(id, 'reviewBy', dates.message)
  }

  duplicateSlugs(areas, 'area', problems)
  duplicateSlugs(orgs, 'organisation', problems)
  // A translation keeps its original's slug: slugs are unique within one language.
  duplicateSlugs(guides, 'guide', problems, (d) => languageOf(d.language)?.code ?? String(d.language))
}

/** True when following "replaced by" from this organisation comes back to it (readers would never reach a current one). */
function successorLoops(id: string, orgById: Map<string, Stored>): boolean {
  const seen = new Set<string>([id])
  for (let next = orgById.get(id)?.successor; typeof next === 'string'; next = orgById.get(next)?.successor) {
    if (seen.has(next)) return true
    seen.add(next)
  }
  return false
}

/** Two documents of one type with the same (well-formed) slug: the second is named, whatever else is wrong with either. */
function duplicateSlugs(docs: Stored[], what: string, problems: Problem[], scope: (d: Stored) => string = () => ''): void {
  const seen = new Map<string, string>()
  for (const d of docs) {
    const slug = checkSlug((d.slug as { current?: unknown } | undefined)?.current)
    if (!slug.ok) continue
    const scoped = `${scope(d)}\u0000${slug.value}`
    const first = seen.get(scoped)
    if (first) {
      problems.push({
        severity: 'error',
        documentId: idOf(d),
        path: 'slug',
        message: `The slug "${slug.value}" is already used by ${what} ${first}. Each ${what} needs its own.`,
      })
    } else seen.set(scoped, idOf(d))
  }
}
