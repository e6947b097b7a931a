// The message exactly as the outbox will render and send it: the email app's renderer on the same guide view
// (viewGuide + renderAdviceEmail, as @signpost/email's enqueue does), or the sms channel's own snapshot renderer.
import { viewGuide } from '@signpost/content'
import { renderAdviceEmail, type RenderedAdviceEmail } from '@signpost/email'
import { renderSmsSnapshot, type SmsSnapshot } from '@signpost/sms'
import type { Draft } from './state'
import { content } from './state'

export async function renderDraft(draft: Draft): Promise<RenderedAdviceEmail & { guideTitle: string; areaName: string }> {
  const c = await content()
  const view = viewGuide(c, draft.guide, draft.area || undefined)
  return { ...renderAdviceEmail(view, { neutral: draft.neutral }), guideTitle: view.guide.title, areaName: view.area.name }
}

/** The text exactly as the sms channel stores and sends it (its own snapshot renderer). */
export async function renderSmsDraft(draft: Draft): Promise<SmsSnapshot & { guideTitle: string; areaName: string }> {
  const c = await content()
  const view = viewGuide(c, draft.guide, draft.area || undefined)
  return {
    ...renderSmsSnapshot(c, { guide: draft.guide, area: draft.area || undefined, neutral: draft.neutral }),
    guideTitle: view.guide.title,
    areaName: view.area.name,
  }
}

/** The outbox "API client" a staff member's messages are recorded under: their idempotency keys are theirs alone. */
export function staffClient(sub: string): string {
  return `staff:${sub}`
}
