// What every channel that takes a request from outside (email, text message) checks the same way, in one place:
// the guide and area asked for (well-formed slugs, the area exists, the guide is one readers there can see) and the
// first problem a request schema found. Each returns the field at fault and a message naming it, so each channel
// wraps it in its own error class without re-deriving the content rules.
import type { z } from 'zod'
import type { Content } from './model.js'
import { checkSlug } from './rules/index.js'
import { NotFoundError, getArea, getGuide } from './views.js'

/** The field a request got wrong and a plain message that starts with its name. */
export type FieldProblem = { field: string; message: string }

/**
 * The first problem with asking for `guide` in `area` (the default area when none): a slug that is not well
 * formed, then (with content) an area that does not exist or a guide not shown in that area. Undefined when fine.
 */
export function checkGuideChoice(guide: string, area: string | undefined, content?: Content): FieldProblem | undefined {
  const guideSlug = checkSlug(guide)
  if (!guideSlug.ok) return { field: 'guide', message: `guide: ${guideSlug.message}` }
  if (area !== undefined) {
    const areaSlug = checkSlug(area)
    if (!areaSlug.ok) return { field: 'area', message: `area: ${areaSlug.message}` }
  }
  if (!content) return undefined
  try {
    getArea(content, area)
  } catch (e) {
    if (e instanceof NotFoundError) return { field: 'area', message: `area: ${e.message}` }
    throw e
  }
  try {
    getGuide(content, guide, area)
  } catch (e) {
    if (e instanceof NotFoundError) return { field: 'guide', message: `guide: ${e.message}` }
    throw e
  }
  return undefined
}

/** The first problem a request schema found, naming its field (`whole` when it is about the whole object). */
export function fieldProblemOf(error: z.ZodError, whole = 'request'): FieldProblem {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || whole
  const message = issue?.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : (issue?.message ?? 'is not valid.')
  return { field, message: message.startsWith(field) ? message : `${field}: ${message}` }
}
