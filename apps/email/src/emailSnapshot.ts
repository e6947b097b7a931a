// The email channel's rendering, made in this app (the queue only stores it as JSON): subject, HTML, text, the content
// revision, the sender name and the language, rendered once per guide, area, language and subject style from the
// normalised model.
import { DEFAULT_LANGUAGE, viewGuide, type Content, type LanguageCode } from '@signpost/content'
import type { JsonObject } from '@signpost/outbox'
import { renderAdviceEmail, type RenderedAdviceEmail } from './renderAdviceEmail.js'

export type EmailSnapshot = RenderedAdviceEmail & { revision: string }

export type EmailRenderRequest = { guide: string; area?: string | null; neutral?: boolean; lang?: LanguageCode }

export function renderEmailSnapshot(content: Content, request: EmailRenderRequest): EmailSnapshot {
  const view = viewGuide(content, request.guide, request.area ?? undefined, request.lang ?? DEFAULT_LANGUAGE)
  return { ...renderAdviceEmail(view, { neutral: request.neutral }), revision: view.guide.revision }
}

/** The stored JSON back as a snapshot (a rendering migrated from schema 4 may have senderName null: it has none; one stored before languages has no language). */
export function snapshotFromJson(data: JsonObject | undefined): EmailSnapshot | undefined {
  if (!data) return undefined
  const { subject, html, text, revision, senderName, language } = data as {
    subject: string
    html: string
    text: string
    revision: string
    senderName?: string | null
    language?: string | null
  }
  return { subject, html, text, revision, ...(typeof senderName === 'string' ? { senderName } : {}), ...(typeof language === 'string' ? { language } : {}) }
}

export const snapshotToJson = (s: EmailSnapshot): JsonObject => ({ ...s })

/** Caches one rendering per guide, area, language and subject style: the content an outbox holds never changes. */
export function emailRenderCache(): (content: Content, request: EmailRenderRequest) => EmailSnapshot {
  const rendered = new Map<string, EmailSnapshot>()
  return (content, request) => {
    const key = `${request.guide}|${request.area ?? ''}|${request.neutral ? 1 : 0}|${request.lang ?? DEFAULT_LANGUAGE}`
    let s = rendered.get(key)
    if (!s) rendered.set(key, (s = renderEmailSnapshot(content, request)))
    return s
  }
}
