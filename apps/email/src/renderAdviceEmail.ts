// The advice sheet as an email: subject, self-contained accessible HTML, and plain text that reads on its own, in the
// guide's language: lang and dir on the message, right-to-left layout in the inline styles for Urdu, every fixed phrase
// from the phrase catalogue (view.phrases), and a translation's notices (not yet checked, older than the English).
// Everything comes from the GuideView (contacts already chosen for the area by @signpost/content); nothing is re-derived.
import { escapeHTML } from '@portabletext/to-html'
import { DEFAULT_LANGUAGE, emailPhrases, getLanguage, rules, type GuideView, type Organisation } from '@signpost/content'
import { isolateText, ltrAttribute, RLM } from './bidi.js'
import { contactsHtml, contactsText, organisationFacts, type EmailContext } from './contacts.js'
import { portableTextToHtml, portableTextToText } from './portableText.js'
import { emailStyles } from './styles.js'

export type RenderedAdviceEmail = {
  subject: string
  html: string
  text: string
  /** The From display name: the service's own name (site settings identity), or the neutral one. */
  senderName?: string
  /** The language it is written in (its lang tag, e.g. "ur"), for the Content-Language header. */
  language?: string
}
export type RenderAdviceEmailOptions = {
  /**
   * For a reader whose inbox may be seen by someone else (an abuser, a fraudster with access, a relative):
   * a subject and sender name that say nothing about crime or victims, so the inbox list gives nothing away.
   */
  neutral?: boolean
}

/** Neutral subject (English): no "fraud", "crime", "victim" or "police", nothing alarming in an inbox list or a lock-screen preview. */
export const NEUTRAL_SUBJECT = emailPhrases['email.neutralSubject']
/** Neutral sender display name (English), used with the neutral subject (the address itself comes from EMAIL_FROM). */
export const NEUTRAL_SENDER_NAME = emailPhrases['email.neutralSenderName']
/**
 * Inbox lists and lock screens show the first hundred or so characters of the body beside the subject, so a neutral
 * email opens with a neutral sentence long enough to fill that preview.
 */
export const NEUTRAL_OPENING = emailPhrases['email.opening']

/** A stand-in for a link inside a phrase: the phrase is escaped whole, then the stand-in becomes the link's HTML. */
const SLOT = '\uE000'

type Email = EmailContext & { view: GuideView; neutral: boolean }

function contextOf(view: GuideView, neutral: boolean): Email {
  const dir = view.language.dir
  return { view, neutral, dir, css: emailStyles(dir), t: view.phrases.t }
}

/** "Checked 1 November 2026": the date as readers of this language read it. The revision goes in a header for staff (see compose). */
export function checkedLine(view: GuideView): string {
  return view.phrases.t('common.checked', { date: rules.readerDate(view.guide.reviewedAt, view.language.tag) })
}

export function adviceSubject(view: GuideView, options: RenderAdviceEmailOptions = {}): string {
  return options.neutral ? view.phrases.t('email.neutralSubject') : view.phrases.t('email.subject', { title: view.guide.title })
}

function underline(title: string, char: string): string {
  return `${title}\n${char.repeat(Math.min(title.length, 72))}`
}

/**
 * Names and lines that are never translated (organisations, the service, its funder) are in the original's language:
 * marked so in a translation, so a screen reader reads them with the right voice and they keep their own direction.
 */
function untranslatedHtml(e: Email, text: string): string {
  if (e.view.language.code === DEFAULT_LANGUAGE) return escapeHTML(text)
  const original = getLanguage(DEFAULT_LANGUAGE)
  return `<span lang="${original.tag}" dir="${original.dir}">${escapeHTML(text)}</span>`
}

/** A phrase with one piece of HTML in it (a link, a marked name): the phrase escaped, the HTML put in its place. */
function phraseWithHtml(phrase: (slot: string) => string, html: string): string {
  // A function, so "$&" or "$'" in an address is never read as a replacement pattern.
  return escapeHTML(phrase(SLOT)).replace(SLOT, () => html)
}

/** The 999 notice: the editors' own wording in English, the catalogue's in a translation. */
function emergencyNotice(view: GuideView): string {
  return view.language.code === DEFAULT_LANGUAGE ? view.settings.emergencyNotice : view.phrases.t('common.emergency')
}

/** A translation's notices, in its language: not yet checked by a qualified translator (with the English offered), older than the English. */
function translationNotices(view: GuideView): { unchecked?: string; outOfDate?: string } {
  const tr = view.guide.translation
  if (!tr) return {}
  return {
    ...(tr.reviewed ? {} : { unchecked: view.phrases.t('common.translationUnchecked') }),
    ...(tr.outOfDate
      ? { outOfDate: view.phrases.t('common.translationOutOfDate', { date: rules.readerDate(tr.checkedAgainstOriginalOn, view.language.tag) }) }
      : {}),
  }
}

function noticesHtml(e: Email): string[] {
  const { view, css, t } = e
  const notices = translationNotices(view)
  const out: string[] = []
  if (notices.unchecked) {
    const english = view.original
      ? ` <a href="${escapeHTML(view.original.url)}" hreflang="${getLanguage(DEFAULT_LANGUAGE).tag}" style="${css.link}">${escapeHTML(t('common.readInEnglish'))}</a>`
      : ''
    out.push(`<p style="${css.translationNotice}">${escapeHTML(notices.unchecked)}${english}</p>`)
  }
  if (notices.outOfDate) out.push(`<p style="${css.translationNotice}">${escapeHTML(notices.outOfDate)}</p>`)
  return out
}

function noticesText(e: Email): string[] {
  const { view, dir, t } = e
  const notices = translationNotices(view)
  return [
    notices.unchecked
      ? [notices.unchecked, view.original ? `${t('common.readInEnglish')}: ${isolateText(view.original.url, dir)}` : ''].filter(Boolean).join('\n')
      : '',
    notices.outOfDate ?? '',
  ].filter(Boolean)
}

function organisationHtml(org: Organisation, e: Email): string {
  const { css, t } = e
  return [
    `<h3 style="${css.h3}">${untranslatedHtml(e, org.name)}</h3>`,
    `<p style="${css.small}">${escapeHTML(organisationFacts(org, t))}</p>`,
    org.description ? `<p style="${css.p}">${escapeHTML(org.description)}</p>` : '',
    contactsHtml(org, e),
  ].join('')
}

function organisationText(org: Organisation, e: Email): string {
  return [org.name, organisationFacts(org, e.t), org.description, contactsText(org, '', e)].filter(Boolean).join('\n')
}

function html(e: Email, subject: string): string {
  const { view, css, dir, t, neutral } = e
  const { guide, settings } = view
  const lang = escapeHTML(view.language.tag)
  const steps = view.steps.length
    ? [
        `<h2 style="${css.h2}">${escapeHTML(t('common.whatToDoFirst'))}</h2>`,
        `<ol style="${css.list}">`,
        ...view.steps.map((s) => {
          const org = s.organisationView
          return `<li style="${css.li}">${escapeHTML(s.text)}${org ? `<br>${contactsHtml(org, e).replace('<ul style="', '<ul style="margin-top:8px;')}` : ''}</li>`
        }),
        '</ol>',
      ]
    : []
  const primary = view.primarySupport
    ? [
        `<div style="${css.card}">`,
        `<h2 style="${css.h2}margin-top:16px;">${phraseWithHtml((name) => t('email.freeSupport', { name }), untranslatedHtml(e, view.primarySupport.name))}</h2>`,
        `<p style="${css.small}">${escapeHTML(organisationFacts(view.primarySupport, t))}</p>`,
        contactsHtml(view.primarySupport, e),
        '</div>',
      ]
    : []
  const sections = guide.sections.flatMap((s) => [`<h2 style="${css.h2}">${escapeHTML(s.heading)}</h2>`, portableTextToHtml(s.body, dir)])
  const orgs = view.organisations.length
    ? [
        `<h2 style="${css.h2}">${escapeHTML(t('email.organisationsThatCanHelp'))}</h2>`,
        guide.organisationsIntro ? `<p style="${css.p}">${escapeHTML(guide.organisationsIntro)}</p>` : '',
        ...view.organisations.map((o) => organisationHtml(o, e)),
      ]
    : []
  const href = escapeHTML(guide.url)
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHTML(subject)}</title>`,
    '</head>',
    `<body style="${css.body}">`,
    // lang and dir again on the wrapper: webmail drops the <html> element and keeps the body's content.
    `<div lang="${lang}" dir="${dir}" style="${css.wrapper}">`,
    // The service's name heads the sheet; a neutral one opens with a neutral sentence instead, which fills the preview.
    neutral ? `<p style="${css.p}">${escapeHTML(t('email.opening'))}</p>` : `<p style="${css.identity}">${untranslatedHtml(e, settings.identity.name)}</p>`,
    `<h1 style="${css.h1}">${escapeHTML(guide.title)}</h1>`,
    ...noticesHtml(e),
    `<p style="${css.p}">${escapeHTML(guide.summary)}</p>`,
    `<p style="${css.notice}">${escapeHTML(emergencyNotice(view))}</p>`,
    ...steps,
    ...primary,
    ...sections,
    ...orgs,
    `<hr style="${css.rule}">`,
    `<p style="${css.p}">${phraseWithHtml((url) => t('email.readOnline', { url }), `<a href="${href}"${ltrAttribute(dir)} style="${css.link}">${href}</a>`)}</p>`,
    `<p style="${css.small}">${phraseWithHtml((area) => t('email.checkedInArea', { checked: checkedLine(view), area }), untranslatedHtml(e, view.area.name))}</p>`,
    !neutral && settings.identity.funderLine ? `<p style="${css.small}">${untranslatedHtml(e, settings.identity.funderLine)}</p>` : '',
    `<p style="${css.small}">${escapeHTML(t('email.whySent'))}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function text(e: Email): string {
  const { view, dir, t, neutral } = e
  const { guide, settings } = view
  const parts: string[] = [
    neutral ? t('email.opening') : settings.identity.name,
    underline(guide.title, '='),
    ...noticesText(e),
    guide.summary,
    emergencyNotice(view),
  ]
  if (view.steps.length) {
    const steps = view.steps.map((s, i) => {
      const org = s.organisationView
      return `${i + 1}. ${s.text}${org && org.contactPoints.length ? `\n${contactsText(org, '   ', e)}` : ''}`
    })
    parts.push(underline(t('common.whatToDoFirst'), '-'), steps.join('\n'))
  }
  if (view.primarySupport) {
    const p = view.primarySupport
    parts.push(underline(t('email.freeSupport', { name: p.name }), '-'), [organisationFacts(p, t), contactsText(p, '', e)].filter(Boolean).join('\n'))
  }
  for (const s of guide.sections) parts.push(underline(s.heading, '-'), portableTextToText(s.body, dir))
  if (view.organisations.length) {
    parts.push(underline(t('email.organisationsThatCanHelp'), '-'))
    if (guide.organisationsIntro) parts.push(guide.organisationsIntro)
    for (const org of view.organisations) parts.push(organisationText(org, e))
  }
  parts.push(
    '----',
    t('email.readOnline', { url: isolateText(guide.url, dir) }),
    t('email.checkedInArea', { checked: checkedLine(view), area: view.area.name }),
    !neutral && settings.identity.funderLine ? settings.identity.funderLine : '',
    t('email.whySent'),
  )
  const body = `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`
  // A mail program lays out each plain-text line in the direction of its first letter: in Urdu a line that starts
  // with an organisation's name would come out left to right, so every line starts with a RIGHT-TO-LEFT MARK.
  return dir === 'rtl' ? body.replace(/^(?=.)/gm, RLM) : body
}

export function renderAdviceEmail(view: GuideView, options: RenderAdviceEmailOptions = {}): RenderedAdviceEmail {
  const neutral = Boolean(options.neutral)
  const e = contextOf(view, neutral)
  const subject = adviceSubject(view, options)
  return {
    subject,
    html: html(e, subject),
    text: text(e),
    senderName: neutral ? e.t('email.neutralSenderName') : view.settings.identity.name,
    language: view.language.tag,
  }
}
