// What the Studio says about a translated guide, from the shared rules in @signpost/content/rules (revision.ts):
// whether its English original has changed since it was checked against it, and whether a translator checked it.
// Pure, so it is tested without a browser; the badge and the status input only fetch the documents and call it.
import { DEFAULT_LANGUAGE, guideContentRevision, languageOf, translationFreshness } from '@signpost/content/rules'

export type StoredGuide = Record<string, unknown> & {
  _id?: string
  language?: unknown
  translation?: { translatedFromRevision?: unknown; checkedAgainstOriginalOn?: unknown; reviewed?: unknown; reviewedBy?: unknown; reviewedOn?: unknown } | null
}

export type TranslationState =
  | { kind: 'original' }
  | { kind: 'noOriginal'; message: string }
  | { kind: 'upToDate'; revision: string; message: string }
  | { kind: 'outOfDate'; originalRevision: string; message: string }

/** The English guide's current revision: what "Checked against the English" records. */
export function originalRevision(original: StoredGuide): string {
  return guideContentRevision(original)
}

export function translationState(guide: StoredGuide | undefined | null, original: StoredGuide | undefined | null): TranslationState {
  if (!guide || (languageOf(guide.language)?.code ?? DEFAULT_LANGUAGE) === DEFAULT_LANGUAGE) return { kind: 'original' }
  if (!original) {
    return { kind: 'noOriginal', message: 'Not linked to a published English guide: open the English guide and add this one from its Translations menu.' }
  }
  const current = originalRevision(original)
  const freshness = translationFreshness(guide.translation?.translatedFromRevision, current, guide.translation?.checkedAgainstOriginalOn)
  if (freshness.outOfDate) {
    return {
      kind: 'outOfDate',
      originalRevision: current,
      message: `${freshness.message ?? 'Out of date.'} Update the translation to match the English, then press "Checked against the English".`,
    }
  }
  const on = typeof guide.translation?.checkedAgainstOriginalOn === 'string' ? ` on ${guide.translation.checkedAgainstOriginalOn}` : ''
  return { kind: 'upToDate', revision: current, message: `Up to date: checked against the English (revision ${current})${on}.` }
}

export type BadgeDescription = { label: string; title: string; color: 'danger' | 'warning' | 'success' }

/** The document badge for freshness: "Out of date" in red, "Up to date" in green, nothing on English guides. */
export function freshnessBadge(state: TranslationState): BadgeDescription | null {
  switch (state.kind) {
    case 'original':
      return null
    case 'noOriginal':
      return { label: 'No English original', title: state.message, color: 'warning' }
    case 'outOfDate':
      return { label: 'Out of date', title: state.message, color: 'danger' }
    case 'upToDate':
      return { label: 'Up to date', title: state.message, color: 'success' }
  }
}

/** The document badge for review: "Not checked by a translator" until a qualified translator has checked it. */
export function reviewBadge(guide: StoredGuide | undefined | null): BadgeDescription | null {
  if (!guide || (languageOf(guide.language)?.code ?? DEFAULT_LANGUAGE) === DEFAULT_LANGUAGE) return null
  if (guide.translation?.reviewed === true) {
    const by = typeof guide.translation.reviewedBy === 'string' ? ` by ${guide.translation.reviewedBy}` : ''
    const on = typeof guide.translation.reviewedOn === 'string' ? ` on ${guide.translation.reviewedOn}` : ''
    return { label: 'Checked by a translator', title: `Checked by a qualified translator${by}${on}.`, color: 'success' }
  }
  return {
    label: 'Not checked by a translator',
    title: 'Readers are told this translation has not yet been checked by a qualified translator, and offered the English.',
    color: 'warning',
  }
}

/** The values "Checked against the English" writes: the original's revision and today's date. */
export function checkedAgainst(original: StoredGuide, today: Date = new Date()): { translatedFromRevision: string; checkedAgainstOriginalOn: string } {
  return { translatedFromRevision: originalRevision(original), checkedAgainstOriginalOn: today.toISOString().slice(0, 10) }
}
