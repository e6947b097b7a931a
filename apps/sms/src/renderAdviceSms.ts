// The advice as one text message, from the normalised model (GuideView: contacts already chosen for the area): the
// local support service's name and number and its text-to instruction, the report line and its number, and the
// guide's address; or the editors' own "Text message" wording when the guide has one. Kept to 2 texts as Notify counts
// them (rules.smsLength) by leaving out the least needed lines first. The neutral form names no service, subject or
// guide (its address is the site's front page), for a reader whose phone may be seen by someone else.
import { rules, type GuideView, type Organisation, type PhoneContact, type SmsContact } from '@signpost/content'

export type RenderAdviceSmsOptions = {
  /** No service name, guide title or guide address: only the numbers and the site. */
  neutral?: boolean
  /** Most texts the message may take (default 2). */
  maxTexts?: number
}

export type RenderedAdviceSms = {
  body: string
  length: rules.SmsLength
  revision: string
}

export class SmsTooLongError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SmsTooLongError'
  }
}

const phoneOf = (org: Organisation | undefined): PhoneContact | undefined => org?.contactPoints.find((c): c is PhoneContact => c.kind === 'phone')
const smsOf = (org: Organisation | undefined): SmsContact | undefined => org?.contactPoints.find((c): c is SmsContact => c.kind === 'sms')

/** The organisation people report to (a reporting centre, else the police), with a number to call. */
function reportLine(view: GuideView): { org: Organisation; phone: PhoneContact } | undefined {
  for (const kind of ['reportingCentre', 'police']) {
    const org = view.organisations.find((o) => o.kind === kind && phoneOf(o))
    const phone = phoneOf(org)
    if (org && phone) return { org, phone }
  }
  return undefined
}

function notes(org: Organisation, phone: PhoneContact): string {
  const n = [phone.freeToCall || org.free ? 'free' : '', org.confidential ? 'confidential' : ''].filter(Boolean)
  return n.length ? ` (${n.join(', ')})` : ''
}

/** Lines in the order they are read, each with how much it is needed (lower numbers are dropped first). */
function lines(view: GuideView, neutral: boolean): { text: string; need: number }[] {
  const support = view.primarySupport
  const supportPhone = phoneOf(support)
  const supportSms = smsOf(support)
  const report = reportLine(view)
  const out: { text: string; need: number }[] = []
  const guideText = view.guide.textMessage?.trim()
  if (guideText && !neutral)
    return [
      { text: guideText, need: 9 },
      { text: view.guide.url, need: 9 },
    ]
  if (neutral) {
    if (support && supportPhone) out.push({ text: `Numbers you asked for: ${supportPhone.display}${notes(support, supportPhone)}.`, need: 9 })
    if (supportSms) out.push({ text: `Or ${supportSms.instruction.replace(/^Text/, 'text')}.`, need: 3 })
    if (report) out.push({ text: `Also ${report.phone.display}.`, need: 8 })
    out.push({ text: `More: ${view.settings.siteUrl}`, need: 7 })
    out.push({ text: 'In an emergency call 999.', need: 2 })
    return out
  }
  if (support && supportPhone) out.push({ text: `${support.name}${notes(support, supportPhone)}: call ${supportPhone.display}.`, need: 9 })
  if (supportSms) out.push({ text: `${supportSms.instruction}.`, need: 3 })
  if (report) out.push({ text: `Report to ${report.org.name}: ${report.phone.display}.`, need: 8 })
  out.push({ text: `${view.guide.title}: ${view.guide.url}`, need: 7 })
  out.push({ text: 'In an emergency call 999.', need: 2 })
  return out
}

const join = (parts: { text: string }[]): string => parts.map((p) => p.text).join('\n')

export function renderAdviceSms(view: GuideView, options: RenderAdviceSmsOptions = {}): RenderedAdviceSms {
  const neutral = Boolean(options.neutral)
  const maxTexts = options.maxTexts ?? 2
  let parts = lines(view, neutral)
  if (parts.length === 0)
    throw new SmsTooLongError(`Guide "${view.guide.slug}" has nothing to put in a text message: no support service or report line with a phone number.`)
  let body = join(parts)
  // Leave out the least needed line until it fits (never the service's number, the report number or the address).
  while (rules.smsLength(body).texts > maxTexts) {
    const least = parts.reduce((min, p) => (p.need < min.need ? p : min))
    if (least.need >= 7) break
    parts = parts.filter((p) => p !== least)
    body = join(parts)
  }
  const length = rules.smsLength(body)
  const check = rules.checkSmsLength(body, { warnAbove: maxTexts, errorAbove: 6 })
  if (!check.ok) throw new SmsTooLongError(`Guide "${view.guide.slug}": ${check.message}`)
  return { body: length.text, length, revision: view.guide.revision }
}
