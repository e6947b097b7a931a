// The "email me this advice" request from the guide page form: honeypot, a per-client limit here, the
// per-recipient limit and validation in @signpost/email's outbox. Returns where to send the reader next.
import type { Outbox, RateLimiter } from '@signpost/email'
import type { EmailErrorCode } from './emailErrors'
import { loadEmail } from './external'
import { paths } from './paths'

let outbox: Outbox | undefined
let clientLimiter: RateLimiter | undefined

async function parts() {
  const email = await loadEmail()
  outbox ??= email.openOutbox()
  clientLimiter ??= email.createRateLimiter({
    limit: Number(process.env.SIGNPOST_EMAIL_CLIENT_LIMIT) || 10,
    windowMs: Number(process.env.SIGNPOST_EMAIL_CLIENT_WINDOW_MS) || 60 * 60 * 1000,
  })
  return { email, outbox, clientLimiter }
}

/** `lang`: the language of the page the form was on (the email's, and the page the reader is sent back to). */
export type EmailMeInput = { guide: string; lang?: string; to: string; honeypot: string; client: string; area: string }

export async function handleEmailMe(input: EmailMeInput): Promise<string> {
  const problem = (code: EmailErrorCode) => paths.emailProblem(input.guide, code, input.lang)
  // A filled honeypot is a robot: answer as if it worked, send nothing.
  if (input.honeypot.trim() !== '') return paths.emailSent(input.guide, input.lang)
  const { email, outbox, clientLimiter } = await parts()
  if (!clientLimiter.take(input.client)) return problem('too-many')
  try {
    outbox.enqueue({ guide: input.guide, to: input.to, area: input.area, lang: input.lang, origin: 'web' })
    return paths.emailSent(input.guide, input.lang)
  } catch (error) {
    if (error instanceof email.RateLimitError) return problem('too-many')
    if (error instanceof email.AdviceEmailRequestError) return problem(error.field === 'to' ? 'invalid-address' : 'unavailable')
    console.error(`Signpost: could not queue an advice email: ${(error as Error).message}`)
    return problem('unavailable')
  }
}
