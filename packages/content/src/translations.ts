// Links each translated guide to its English original through the Studio plugin's translation.metadata documents
// (@sanity/document-internationalization), and works out its freshness: a translation is out of date when the
// original's words (rules/revision.ts) are no longer the revision it was checked against.
import type { Guide, Problem } from './model.js'
import { DEFAULT_LANGUAGE, getLanguage, isSupportedLanguage } from './languages.js'
import type { RawGuide } from './raw.js'
import { quote, translationFreshness } from './rules/index.js'
import { checkTranslationNumbers } from './translationNumbers.js'

export type TranslationLink = { slug: string; translation: NonNullable<Guide['translation']> }

type Entry = { _key?: unknown; language?: unknown; id?: unknown }
type Group = { _id?: unknown; schemaTypes?: unknown; translations?: unknown }

const name = (code: string) => (isSupportedLanguage(code) ? getLanguage(code).name : code)

export function linkTranslations(
  guides: RawGuide[],
  groups: unknown[] | null | undefined,
  contentRevisionById: Map<string, string>,
  problems: Problem[],
): Map<string, TranslationLink> {
  const warning = (documentId: string, path: string, message: string) => problems.push({ severity: 'warning', documentId, path, message })
  const error = (documentId: string, path: string, message: string) => problems.push({ severity: 'error', documentId, path, message })
  const byId = new Map(guides.map((g) => [g._id, g]))
  const originalOf = new Map<string, RawGuide>()
  const links = new Map<string, TranslationLink>()

  for (const raw of groups ?? []) {
    const group = (raw ?? {}) as Group
    const groupId = typeof group._id === 'string' ? group._id : '(translation group without _id)'
    if (Array.isArray(group.schemaTypes) && !group.schemaTypes.includes('guide')) continue
    const entries = (Array.isArray(group.translations) ? group.translations : []) as Entry[]
    const members: RawGuide[] = []
    const seen = new Map<string, string>()
    entries.forEach((entry, i) => {
      const path = `translations[${i}]`
      const code = String(entry?.language ?? entry?._key ?? '')
      const id = typeof entry?.id === 'string' ? entry.id : undefined
      if (!id) return warning(groupId, path, `An empty translation link (${quote(code)}): remove it or choose the guide.`)
      const guide = byId.get(id)
      if (!guide) {
        return warning(groupId, path, `The ${name(code)} translation points to guide ${quote(id)}, which does not exist (deleted or never published).`)
      }
      if (guide.language !== code) {
        warning(groupId, path, `Listed as the ${name(code)} version, but guide ${id} is written in ${name(guide.language)}.`)
      }
      const twin = seen.get(guide.language)
      if (twin) {
        return warning(id, 'language', `Two ${name(guide.language)} translations of the same guide: ${twin} and ${id}. Readers see only ${twin}; delete one.`)
      }
      seen.set(guide.language, id)
      members.push(guide)
    })
    const original = members.find((g) => g.language === DEFAULT_LANGUAGE)
    for (const g of members) {
      if (g === original) continue
      if (!original) {
        warning(
          g._id,
          'language',
          `This ${name(g.language)} guide is a translation of an English guide that does not exist (deleted or never published), so it is shown on its own.`,
        )
        continue
      }
      originalOf.set(g._id, original)
    }
  }

  for (const g of guides) {
    const original = originalOf.get(g._id)
    if (!original) {
      if (g.translation) {
        warning(
          g._id,
          'translation',
          `This guide records a translation status but is not linked to an English original. Link it from the English guide's Translations menu in the Studio.`,
        )
      }
      continue
    }
    const status = g.translation
    if (!status?.translatedFromRevision) {
      error(
        g._id,
        'translation.translatedFromRevision',
        `Say which revision of the English guide (${original._id}) this translation was made from: use "Checked against the English" in the Studio.`,
      )
      continue
    }
    if (!status.checkedAgainstOriginalOn) {
      error(g._id, 'translation.checkedAgainstOriginalOn', 'Add the date this translation was last checked against the English guide.')
      continue
    }
    if (g.slug !== original.slug) {
      warning(g._id, 'slug', `A translation keeps the English guide's web address: readers find it at "${original.slug}", not "${g.slug}".`)
    }
    const originalRevision = contentRevisionById.get(original._id)!
    const freshness = translationFreshness(status.translatedFromRevision, originalRevision, status.checkedAgainstOriginalOn)
    if (freshness.outOfDate) {
      warning(
        g._id,
        'translation.translatedFromRevision',
        `The ${name(g.language)} translation is out of date: it was checked against ${original._id} at revision ${status.translatedFromRevision} on ${status.checkedAgainstOriginalOn}, but the English guide is now at revision ${originalRevision} (changed ${original._updatedAt.slice(0, 10)}). Update the translation, then mark it checked against the English.`,
      )
    }
    if (contentRevisionById.get(g._id) === originalRevision) {
      warning(
        g._id,
        'sections',
        `This ${name(g.language)} guide has exactly the English words (the Translations menu copies them): translate it before readers see it as ${name(g.language)}.`,
      )
    }
    problems.push(...checkTranslationNumbers(g, original))
    if (!status.reviewed) {
      warning(
        g._id,
        'translation.reviewed',
        `The ${name(g.language)} translation has not been checked by a qualified translator; readers are told so and offered the English.`,
      )
    }
    links.set(g._id, {
      slug: original.slug,
      translation: {
        originalId: original._id,
        translatedFromRevision: status.translatedFromRevision,
        outOfDate: freshness.outOfDate,
        checkedAgainstOriginalOn: status.checkedAgainstOriginalOn,
        reviewed: status.reviewed ?? false,
        reviewedBy: status.reviewedBy,
        reviewedOn: status.reviewedOn,
      },
    })
  }
  return links
}
