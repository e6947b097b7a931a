// The "email me this advice" request from the guide page form: honeypot, a per-client limit here, the
// per-recipient limit and validation in @signpost/email's outbox. Returns where to send the reader next.
import type { Outbox, RateLimiter } from '@signpost/email'
import type { EmailErrorCode } from './emailErrors'
import { loadEmail } from './external'
import { paths } from './paths'

let opening: Promise<Outbox> | undefined
let clientLimiter: RateLimiter | undefined

async function parts() {
  const email = await loadEmail()
  // The queue (DATABASE_URL's PostgreSQL, else the SQLite file) is opened once; a failed open is tried again next time.
  opening ??= email.openOutbox().catch((e: unknown) => {
    opening = undefined
    throw e
  })
  const outbox = await opening
  // Counted in the queue's store, so every site instance on one database shares a client's allowance.
  clientLimiter ??= email.createRateLimiter({
    store: outbox.queue,
    name: 'web-client',
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
  let opened: Awaited<ReturnType<typeof parts>>
  try {
    opened = await parts()
  } catch (error) {
    console.error(`Signpost: could not open the outbox: ${(error as Error).message}`)
    return problem('unavailable')
  }
  const { email, outbox, clientLimiter } = opened
  try {
    if (!(await clientLimiter.take(input.client)).allowed) return problem('too-many')
    await outbox.enqueue({ guide: input.guide, to: input.to, area: input.area, lang: input.lang, origin: 'web' })
    return paths.emailSent(input.guide, input.lang)
  } catch (error) {
    if (error instanceof email.RateLimitError) return problem('too-many')
    if (error instanceof email.AdviceEmailRequestError) return problem(error.field === 'to' ? 'invalid-address' : 'unavailable')
    console.error(`Signpost: could not queue an advice email: ${(error as Error).message}`)
    return problem('unavailable')
  }
}
