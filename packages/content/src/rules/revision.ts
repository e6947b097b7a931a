// What "revision" means for translation freshness: a stamp of a guide's own words as stored (title, summary, sections,
// steps, intro, text message). A translation records the stamp of the original it was checked against; when the
// original's words change, the stamps differ and the translation is out of date. Review dates, slugs and document
// metadata are left out (re-checking an English guide without changing it does not make its translations stale), and
// so are organisations' facts (numbers and names always come from the organisation, never from the translation).
// Pure and synchronous, so the Studio (browser) and the content door compute the same value.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** JSON with sorted keys and without Sanity's `_key`s, so the same words always give the same stamp. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      if (k === '_key') continue
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined && v !== null) out[k] = canonical(v)
    }
    return out
  }
  return value
}

/** A short hex stamp of any value (sha-256, first 12 hex digits). */
export function stampOf(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical(value))))).slice(0, 12)
}

type StoredGuideWords = {
  title?: unknown
  summary?: unknown
  sections?: unknown
  steps?: unknown
  organisationsIntro?: unknown
  textMessage?: unknown
}

const refOf = (v: unknown) => (v && typeof v === 'object' && '_ref' in v ? (v as { _ref: unknown })._ref : v)

/** The stamp of a guide's words, from the document as stored (Studio) or as the content query returns it. */
export function guideContentRevision(stored: object): string {
  const doc = stored as StoredGuideWords
  const steps = Array.isArray(doc.steps)
    ? doc.steps.map((s: { text?: unknown; organisation?: unknown } | null) => ({ text: s?.text, organisation: refOf(s?.organisation) }))
    : doc.steps
  const sections = Array.isArray(doc.sections)
    ? doc.sections.map((s: { heading?: unknown; body?: unknown } | null) => ({ heading: s?.heading, body: s?.body }))
    : doc.sections
  return stampOf({
    title: doc.title,
    summary: doc.summary,
    sections,
    steps,
    organisationsIntro: doc.organisationsIntro,
    textMessage: doc.textMessage,
  })
}

export type Freshness = { outOfDate: boolean; message?: string }

/** Whether a translation still matches its original: the rule behind the Studio's badge and content:check's warning. */
export function translationFreshness(translatedFromRevision: unknown, originalRevision: string, checkedOn?: unknown): Freshness {
  if (typeof translatedFromRevision !== 'string' || translatedFromRevision === '') {
    return { outOfDate: true, message: 'This translation does not say which revision of the original it was translated from.' }
  }
  if (translatedFromRevision === originalRevision) return { outOfDate: false }
  const when = typeof checkedOn === 'string' && checkedOn ? ` on ${checkedOn}` : ''
  return {
    outOfDate: true,
    message: `Out of date: translated from revision ${translatedFromRevision}${when}; the original is now at revision ${originalRevision}.`,
  }
}
