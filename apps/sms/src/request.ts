// What any entry point (CLI, HTTP API) may ask the queue to text, and the one place it is validated: a UK mobile
// number (rules.checkUkMobile), a guide that exists for the area. There is no public "text me" form: an open form
// that sends texts invites SMS-pumping fraud.
import {
  checkGuideChoice,
  DEFAULT_LANGUAGE,
  fieldProblemOf,
  getLanguage,
  isSupportedLanguage,
  languageChoices,
  languagesOf,
  rules,
  type Content,
  type LanguageCode,
} from '@signpost/content'
import { z } from 'zod'

export type AdviceSmsOrigin = 'cli' | 'api'

export type AdviceSmsRequest = {
  guide: string
  /** A UK mobile number as typed (07…, +44 7…); stored as E.164. */
  to: string
  area?: string
  /** The language to text the guide in (a supported code: en, cy, pl, ur); default English. */
  lang?: string
  neutral?: boolean
  idempotencyKey?: string
  origin: AdviceSmsOrigin
}

export class AdviceSmsRequestError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.name = 'AdviceSmsRequestError'
    this.field = field
  }
}

const NO_LINE_BREAK = /^[^\r\n]*$/
const noBreak = (what: string) => ({ message: `${what} cannot contain a line break (CR or LF).` })

/** The request as JSON from outside (HTTP body); strict: unknown fields are refused. */
export const adviceSmsRequestSchema = z.strictObject({
  guide: z.string({ error: 'guide is required: the slug of a guide, for example cyber-crime-and-fraud.' }).regex(NO_LINE_BREAK, noBreak('guide')).max(100),
  to: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'to is required: the UK mobile number to text, for example 07700 900123.'
          : Array.isArray(issue.input)
            ? 'to: one recipient per request. Send a separate request for each number.'
            : 'to must be one mobile number, as text.',
    })
    .regex(NO_LINE_BREAK, noBreak('to'))
    .max(30),
  area: z.string().regex(NO_LINE_BREAK, noBreak('area')).max(100).optional(),
  lang: z.string({ error: 'lang must be a language code, as text, for example ur.' }).max(20).optional(),
  neutral: z.boolean().optional(),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII with no spaces or line breaks.' })
    .optional(),
  origin: z.enum(['cli', 'api']),
})

/**
 * The language asked for, checked after the guide and area (email and text requests alike): a supported code, and
 * (with content) one the guide is translated into. The problem names the field "lang" and what would have worked.
 */
export function checkLanguageChoice(
  lang: string | undefined,
  guide: string,
  area: string | undefined,
  content?: Content,
): { ok: true; code: LanguageCode } | { ok: false; field: 'lang'; message: string } {
  const code = lang ?? DEFAULT_LANGUAGE
  if (!isSupportedLanguage(code))
    return { ok: false, field: 'lang', message: `lang: "${code}" is not a language Signpost publishes in. Use one of: ${languageChoices()}.` }
  if (!content) return { ok: true, code }
  const languages = languagesOf(content, guide, area)
  if (!languages.some((l) => l.code === code)) {
    const has = languages.map((l) => `${l.code} (${l.name})`).join(', ')
    return { ok: false, field: 'lang', message: `lang: guide "${guide}" is not translated into ${getLanguage(code).name} (${code}); it exists in: ${has}.` }
  }
  return { ok: true, code }
}

export function requestErrorOf(error: z.ZodError, whole = 'request'): AdviceSmsRequestError {
  const problem = fieldProblemOf(error, whole)
  return new AdviceSmsRequestError(problem.field, problem.message)
}

/** Checks a request and returns it with the number in E.164. Throws AdviceSmsRequestError naming the field. */
export function validateSmsRequest(input: unknown, content?: Content): AdviceSmsRequest & { lang: LanguageCode; mobile: rules.UkMobile } {
  const parsed = adviceSmsRequestSchema.safeParse(input)
  if (!parsed.success) throw requestErrorOf(parsed.error)
  const request = parsed.data
  const mobile = rules.checkUkMobile(request.to)
  if (!mobile.ok) throw new AdviceSmsRequestError('to', `to: ${mobile.message}`)
  const choice = checkGuideChoice(request.guide, request.area, content)
  if (choice) throw new AdviceSmsRequestError(choice.field, choice.message)
  const language = checkLanguageChoice(request.lang, request.guide, request.area, content)
  if (!language.ok) throw new AdviceSmsRequestError(language.field, language.message)
  return { ...request, lang: language.code, to: mobile.value.e164, mobile: mobile.value }
}
