// The advice as one text message, from the normalised model (GuideView: contacts already chosen for the area): the
// local support service's name and number and its text-to instruction, the report line and its number, and the
// guide's address; or the editors' own "Text message" wording when the guide has one. Kept to 2 texts as Notify counts
// them (rules.smsLength) by leaving out the least needed lines first. The neutral form names no service, subject or
// guide (its address is the site's front page), for a reader whose phone may be seen by someone else.
// Written in the guide's language: the fixed words from the phrase catalogue (view.phrases), names, numbers and short
// codes from the organisation; in a right-to-left text (Urdu) every number and address is wrapped in Unicode isolates
// (LRI … PDI) so a phone shows 0800 612 6505, not 6505 612 0800. Urdu is sent as UCS-2: 70 characters, 67 per part.
import { findContactNumbers, rules, type GuideView, type Organisation, type PhoneContact, type Phrases, type SmsContact } from '@signpost/content'

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

/** LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE around a number or address in right-to-left text. */
export function isolateInSms(text: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? `\u2066${text}\u2069` : text
}

/** The editors' own wording with each phone number in it isolated (right-to-left text only). */
function isolateNumbersIn(text: string, dir: 'ltr' | 'rtl'): string {
  if (dir !== 'rtl') return text
  let out = ''
  let at = 0
  for (const n of findContactNumbers(text)) {
    if (n.kind !== 'phone') continue
    out += text.slice(at, n.start) + isolateInSms(n.text, dir)
    at = n.end
  }
  return out + text.slice(at)
}

/** " (free, confidential)" in the text's language (its own list punctuation, e.g. the Urdu comma). */
function notes(org: Organisation, phone: PhoneContact, phrases: Phrases): string {
  const n = [phone.freeToCall || org.free ? phrases.t('sms.free') : '', org.confidential ? phrases.t('sms.confidential') : ''].filter(Boolean)
  return n.length ? ` (${new Intl.ListFormat(phrases.language.tag, { type: 'unit', style: 'short' }).format(n)})` : ''
}

/**
 * A line of the text, how much it is needed (below 7 it may be left out; leaving it out costs its need) and, for some
 * that may not be left out, a shorter form that keeps what matters (the number, the address) and what using it costs.
 */
type Line = { text: string; need: number; short?: { text: string; cost: number } }

/** Lines in the order they are read. */
function lines(view: GuideView, neutral: boolean): Line[] {
  const { t } = view.phrases
  const dir = view.language.dir
  const ltr = (text: string) => isolateInSms(text, dir)
  const support = view.primarySupport
  const supportPhone = phoneOf(support)
  const supportSms = smsOf(support)
  const report = reportLine(view)
  const out: Line[] = []
  const guideText = view.guide.textMessage?.trim()
  if (guideText && !neutral)
    return [
      { text: isolateNumbersIn(guideText, dir), need: 9 },
      { text: isolateInSms(view.guide.url, dir), need: 9 },
    ]
  const keyword = supportSms ? { keyword: ltr(supportSms.keyword), shortCode: ltr(supportSms.shortCode) } : undefined
  if (neutral) {
    if (support && supportPhone)
      out.push({ text: t('sms.numbersYouAskedFor', { number: ltr(supportPhone.display), notes: notes(support, supportPhone, view.phrases) }), need: 9 })
    if (keyword) out.push({ text: t('sms.orText', keyword), need: 3 })
    if (report) out.push({ text: t('sms.also', { number: ltr(report.phone.display) }), need: 8 })
    out.push({ text: t('sms.more', { url: ltr(view.settings.siteUrl) }), need: 7 })
    out.push({ text: t('sms.emergency'), need: 2 })
    return out
  }
  // Names are isolated too in right-to-left text: a line that starts with "Derbyshire Victim Services" would otherwise
  // be laid out left to right (a phone takes a line's direction from its first letter, skipping isolated runs).
  if (support && supportPhone) {
    const call = (notesText: string) => t('sms.callSupport', { name: ltr(support.name), notes: notesText, number: ltr(supportPhone.display) })
    const full = call(notes(support, supportPhone, view.phrases))
    out.push({ text: full, need: 9, ...(full !== call('') ? { short: { text: call(''), cost: 7 } } : {}) })
  }
  if (keyword) out.push({ text: t('sms.textKeywordTo', keyword), need: 3 })
  if (report) out.push({ text: t('sms.reportTo', { name: ltr(report.org.name), number: ltr(report.phone.display) }), need: 8 })
  out.push({ text: t('sms.guideLink', { title: view.guide.title, url: ltr(view.guide.url) }), need: 7, short: { text: ltr(view.guide.url), cost: 6 } })
  out.push({ text: t('sms.emergency'), need: 2 })
  return out
}

const join = (parts: { text: string }[]): string => parts.map((p) => p.text).join('\n')

/**
 * Every way of making the text shorter (each line that may go left out or not, each shorter form used or not; a few
 * lines, so a few dozen candidates at most), with what each costs the reader: the 999 line is the cheapest to lose,
 * then the text-to instruction, then both, then the guide's title (the address stays), then "free, confidential".
 */
function candidates(parts: Line[]): { body: string; cost: number }[] {
  let out: { lines: Line[]; cost: number }[] = [{ lines: [], cost: 0 }]
  for (const line of parts) {
    const ways: { line?: Line; cost: number }[] = [{ line, cost: 0 }]
    if (line.need < 7) ways.push({ cost: line.need })
    if (line.short) ways.push({ line: { ...line, text: line.short.text }, cost: line.short.cost })
    out = out.flatMap((c) => ways.map((w) => ({ lines: w.line ? [...c.lines, w.line] : c.lines, cost: c.cost + w.cost })))
  }
  return out.map((c) => ({ body: join(c.lines), cost: c.cost }))
}

export function renderAdviceSms(view: GuideView, options: RenderAdviceSmsOptions = {}): RenderedAdviceSms {
  const neutral = Boolean(options.neutral)
  const maxTexts = options.maxTexts ?? 2
  const parts = lines(view, neutral)
  if (parts.length === 0)
    throw new SmsTooLongError(`Guide "${view.guide.slug}" has nothing to put in a text message: no support service or report line with a phone number.`)
  // The cheapest way to fit in maxTexts (never without the service's number, the report number or the address). When
  // even the shortest takes more (Urdu is UCS-2: 67 characters a part), the cheapest way to fit in as few as it takes.
  // A title with letters outside GSM-7 (Polish ę, ł) may be what makes a text Unicode: leaving it out can halve it.
  const all = candidates(parts).map((c) => ({ ...c, texts: rules.smsLength(c.body).texts }))
  const target = Math.max(maxTexts, Math.min(...all.map((c) => c.texts)))
  const body = all.filter((c) => c.texts <= target).reduce((best, c) => (c.cost < best.cost ? c : best)).body
  const length = rules.smsLength(body)
  const check = rules.checkSmsLength(body, { warnAbove: maxTexts, errorAbove: 6 })
  if (!check.ok) throw new SmsTooLongError(`Guide "${view.guide.slug}": ${check.message}`)
  return { body: length.text, length, revision: view.guide.revision }
}
