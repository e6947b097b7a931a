// Runs when an editor creates a translation from the Translations menu: the new draft records which revision of the
// English it was made from, today's date, and "not yet checked by a qualified translator".
import type { PluginCallbackArgs } from '@sanity/document-internationalization'
import { checkedAgainst, type StoredGuide } from './freshness'

export function translationStartPatch(source: StoredGuide, today: Date = new Date()) {
  return { translation: { _type: 'translationStatus', ...checkedAgainst(source, today), reviewed: false } }
}

export async function recordTranslationStart({ sourceDocument, newDocument, client }: PluginCallbackArgs): Promise<void> {
  if (sourceDocument._type !== 'guide') return
  await client
    .patch(newDocument._id)
    .set(translationStartPatch(sourceDocument as StoredGuide))
    .commit()
}
