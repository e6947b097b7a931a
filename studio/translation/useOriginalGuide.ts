// The published English original of a translated guide, found through the plugin's translation.metadata document and
// kept live (documentStore.listenQuery), so the badge turns "Out of date" as soon as someone publishes the English.
import { useEffect, useState } from 'react'
import { getPublishedId, useDocumentStore } from 'sanity'
import type { StoredGuide } from './freshness'

export const ORIGINAL_QUERY = `*[_type == "translation.metadata" && references($id)][0].translations[coalesce(language, _key) == "en"][0].value->`
/** The Content Lake listens on a plain filter: refetch when the translation group or any guide changes. */
export const ORIGINAL_LISTEN = `*[(_type == "translation.metadata" && references($id)) || _type == "guide"]`

export function useOriginalGuide(documentId: string | undefined): { original: StoredGuide | null; loading: boolean } {
  const store = useDocumentStore()
  const [state, setState] = useState<{ original: StoredGuide | null; loading: boolean }>({ original: null, loading: true })
  useEffect(() => {
    if (!documentId) return undefined
    const subscription = store
      .listenQuery({ fetch: ORIGINAL_QUERY, listen: ORIGINAL_LISTEN }, { id: getPublishedId(documentId) }, { perspective: 'published' })
      .subscribe({
        next: (doc: unknown) => setState({ original: (doc as StoredGuide | null) ?? null, loading: false }),
        error: () => setState({ original: null, loading: false }),
      })
    return () => subscription.unsubscribe()
  }, [store, documentId])
  return state
}
