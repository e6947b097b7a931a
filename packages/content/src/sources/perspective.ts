// Sanity's perspectives for a plain list of documents: "published" hides drafts.*, "drafts" shows each
// draft in place of its published document, with the published id (as the Content Lake API does).
import type { Perspective } from '../model.js'

type Doc = { _id: string; [key: string]: unknown }

const DRAFT = 'drafts.'

export function applyPerspective<D extends Doc>(docs: D[], perspective: Perspective): D[] {
  if (perspective === 'published') return docs.filter((d) => !d._id.startsWith(DRAFT) && !d._id.startsWith('versions.'))
  const drafts = new Map(docs.filter((d) => d._id.startsWith(DRAFT)).map((d) => [d._id.slice(DRAFT.length), d]))
  const out: D[] = []
  for (const d of docs) {
    if (d._id.startsWith('versions.')) continue
    if (d._id.startsWith(DRAFT)) {
      const id = d._id.slice(DRAFT.length)
      out.push({ ...d, _id: id, _originalId: d._id })
    } else if (!drafts.has(d._id)) out.push(d)
  }
  return out
}
