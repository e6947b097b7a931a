// What any entry point (CLI, HTTP API, website form) may ask the outbox to send, and the one place it is validated.
// Header values must never carry CR or LF (header injection); the address must be valid; the guide must exist.
import { checkGuideChoice, fieldProblemOf, rules, type Content, type LanguageCode } from '@signpost/content'
import { checkLanguageChoice } from '@signpost/sms'
import { z } from 'zod'

export type AdviceEmailOrigin = 'cli' | 'api' | 'web'

export type AdviceEmailRequest = {
  guide: string
  to: string
  /** Recipient's name for the To: header; optional. */
  name?: string
  area?: string
  /** The language to send the guide in (a supported code: en, cy, pl, ur); default English. */
  lang?: string
  attachLeaflet?: boolean
  neutral?: boolean
  idempotencyKey?: string
  origin: AdviceEmailOrigin
}

export class AdviceEmailRequestError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.name = 'AdviceEmailRequestError'
    this.field = field
  }
}

const NO_LINE_BREAK = /^[^\r\n]*$/
const noBreak = (what: string) => ({ message: `${what} cannot contain a line break (CR or LF).` })
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/

/** The request as JSON from outside (HTTP body); strict: unknown fields are refused. */
export const adviceEmailRequestSchema = z.strictObject({
  guide: z.string({ error: 'guide is required: the slug of a guide, for example cyber-crime-and-fraud.' }).regex(NO_LINE_BREAK, noBreak('guide')).max(100),
  to: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'to is required: the email address to send the advice to.'
          : Array.isArray(issue.input)
            ? 'to: one recipient per request. Send a separate request for each address.'
            : 'to must be one email address, as text.',
    })
    .regex(NO_LINE_BREAK, noBreak('to'))
    .max(254),
  name: z.string().regex(NO_LINE_BREAK, noBreak('name')).regex(NO_CONTROL, { message: 'name cannot contain control characters.' }).max(100).optional(),
  area: z.string().regex(NO_LINE_BREAK, noBreak('area')).max(100).optional(),
  lang: z.string({ error: 'lang must be a language code, as text, for example ur.' }).max(20).optional(),
  attachLeaflet: z.boolean().optional(),
  neutral: z.boolean().optional(),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII with no spaces or line breaks.' })
    .optional(),
  origin: z.enum(['cli', 'api', 'web']),
})

/** The first problem the schema found, naming its field (`whole` when it is about the whole object). */
export function requestErrorOf(error: z.ZodError, whole = 'request'): AdviceEmailRequestError {
  const problem = fieldProblemOf(error, whole)
  return new AdviceEmailRequestError(problem.field, problem.message)
}

/**
 * Checks a request and returns it cleaned (address trimmed). Throws AdviceEmailRequestError naming the field.
 * With content, also checks the guide and area exist (and that the guide applies to the area).
 */
export function validateRequest(input: unknown, content?: Content): AdviceEmailRequest & { lang: LanguageCode } {
  const parsed = adviceEmailRequestSchema.safeParse(input)
  if (!parsed.success) throw requestErrorOf(parsed.error)
  const request = parsed.data
  const address = rules.checkEmailAddress(request.to)
  if (!address.ok) throw new AdviceEmailRequestError('to', `to: ${address.message}`)
  const choice = checkGuideChoice(request.guide, request.area, content)
  if (choice) throw new AdviceEmailRequestError(choice.field, choice.message)
  const language = checkLanguageChoice(request.lang, request.guide, request.area, content)
  if (!language.ok) throw new AdviceEmailRequestError(language.field, language.message)
  const name = request.name?.trim()
  return { ...request, lang: language.code, to: address.value, ...(name ? { name } : { name: undefined }) }
}
