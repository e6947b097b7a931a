// Document badges on guides: "Out of date" when the English original changed after the translation was checked
// against it, and "Not checked by a translator" until a qualified translator has checked it.
import type { DocumentBadgeComponent, DocumentBadgeDescription } from 'sanity'
import { freshnessBadge, reviewBadge, translationState, type StoredGuide } from './freshness'
import { useOriginalGuide } from './useOriginalGuide'

export const TranslationFreshnessBadge: DocumentBadgeComponent = (props): DocumentBadgeDescription | null => {
  const guide = (props.draft ?? props.published) as StoredGuide | null
  const { original, loading } = useOriginalGuide(props.id)
  if (loading) return null
  return freshnessBadge(translationState(guide, original))
}

export const TranslationReviewBadge: DocumentBadgeComponent = (props): DocumentBadgeDescription | null =>
  reviewBadge((props.draft ?? props.published) as StoredGuide | null)

export function guideBadges(prev: DocumentBadgeComponent[], schemaType: string): DocumentBadgeComponent[] {
  return schemaType === 'guide' ? [...prev, TranslationFreshnessBadge, TranslationReviewBadge] : prev
}
