// The email exactly as the outbox will render and send it: the email app's renderer on the same guide view
// (viewGuide + renderAdviceEmail, as @signpost/email's enqueue does).
import { viewGuide } from '@signpost/content'
import { renderAdviceEmail, type RenderedAdviceEmail } from '@signpost/email'
import type { Draft } from './state'
import { content } from './state'

export async function renderDraft(draft: Draft): Promise<RenderedAdviceEmail & { guideTitle: string; areaName: string }> {
  const c = await content()
  const view = viewGuide(c, draft.guide, draft.area || undefined)
  return { ...renderAdviceEmail(view, { neutral: draft.neutral }), guideTitle: view.guide.title, areaName: view.area.name }
}

/** The outbox "API client" a staff member's messages are recorded under: their idempotency keys are theirs alone. */
export function staffClient(sub: string): string {
  return `staff:${sub}`
}
