// The message exactly as the outbox will render and send it: the email app's renderer on the same guide view
// (viewGuide + renderAdviceEmail, as @signpost/email's enqueue does), or the sms channel's own snapshot renderer,
// in the language the draft asks for.
import { viewGuide, type GuideView } from '@signpost/content'
import { renderAdviceEmail, type RenderedAdviceEmail } from '@signpost/email'
import { renderSmsSnapshot, type SmsSnapshot } from '@signpost/sms'
import { languageLabel } from './languages'
import type { Draft } from './state'
import { content } from './state'

export type DraftDescription = { guideTitle: string; areaName: string; languageName: string; languageTag: string; dir: 'ltr' | 'rtl' }

export async function renderDraft(draft: Draft): Promise<RenderedAdviceEmail & DraftDescription> {
  const c = await content()
  const view = viewGuide(c, draft.guide, draft.area || undefined, draft.lang)
  return { ...renderAdviceEmail(view, { neutral: draft.neutral }), ...describeDraft(view) }
}

/** What the preview names: the guide as it will be sent (its title in that language), the area and the language. */
function describeDraft(view: GuideView): DraftDescription {
  return {
    guideTitle: view.guide.title,
    areaName: view.area.name,
    languageName: languageLabel(view.language),
    languageTag: view.language.tag,
    dir: view.language.dir,
  }
}

/** The text exactly as the sms channel stores and sends it (its own snapshot renderer). */
export async function renderSmsDraft(draft: Draft): Promise<SmsSnapshot & DraftDescription> {
  const c = await content()
  const view = viewGuide(c, draft.guide, draft.area || undefined, draft.lang)
  return {
    ...renderSmsSnapshot(c, { guide: draft.guide, area: draft.area || undefined, neutral: draft.neutral, lang: view.language.code }),
    ...describeDraft(view),
  }
}

/** The outbox "API client" a staff member's messages are recorded under: their idempotency keys are theirs alone. */
export function staffClient(sub: string): string {
  return `staff:${sub}`
}
