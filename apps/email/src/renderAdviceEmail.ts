// The advice sheet as an email: subject, self-contained accessible HTML, and plain text that reads on its own.
// Everything comes from the GuideView (contacts already chosen for the area by @signpost/content); nothing is re-derived.
import { escapeHTML } from '@portabletext/to-html'
import { rules, type GuideView, type Organisation } from '@signpost/content'
import { contactsHtml, contactsText, organisationFacts } from './contacts.js'
import { portableTextToHtml, portableTextToText } from './portableText.js'
import { css } from './styles.js'

export type RenderedAdviceEmail = {
  subject: string
  html: string
  text: string
  /** The From display name: the service's own name (site settings identity), or the neutral one. */
  senderName?: string
}
export type RenderAdviceEmailOptions = {
  /**
   * For a reader whose inbox may be seen by someone else (an abuser, a fraudster with access, a relative):
   * a subject and sender name that say nothing about crime or victims, so the inbox list gives nothing away.
   */
  neutral?: boolean
}

/** Neutral subject: no "fraud", "crime", "victim" or "police", nothing alarming in an inbox list or a lock-screen preview. */
export const NEUTRAL_SUBJECT = 'The information you asked for'
/** Neutral sender display name, used with the neutral subject (the address itself comes from EMAIL_FROM). */
export const NEUTRAL_SENDER_NAME = 'Information service'
/**
 * Inbox lists and lock screens show the first hundred or so characters of the body beside the subject, so a neutral
 * email opens with a neutral sentence long enough to fill that preview.
 */
export const NEUTRAL_OPENING =
  'Here is the information you asked for. You can read it when you have a quiet moment somewhere private. You can keep this message for later, or delete it once you have read it.'

/** "Checked 1 November 2026": the date as readers read it. The revision goes in a header for staff (see compose). */
export function checkedLine(view: GuideView): string {
  return `Checked ${rules.readerDate(view.guide.reviewedAt, view.guide.language)}`
}

export function adviceSubject(view: GuideView, options: RenderAdviceEmailOptions = {}): string {
  return options.neutral ? NEUTRAL_SUBJECT : `${view.guide.title}: advice and who can help`
}

function underline(title: string, char: string): string {
  return `${title}\n${char.repeat(Math.min(title.length, 72))}`
}

function organisationHtml(org: Organisation): string {
  return [
    `<h3 style="${css.h3}">${escapeHTML(org.name)}</h3>`,
    `<p style="${css.small}">${escapeHTML(organisationFacts(org))}</p>`,
    org.description ? `<p style="${css.p}">${escapeHTML(org.description)}</p>` : '',
    contactsHtml(org),
  ].join('')
}

function organisationText(org: Organisation): string {
  return [org.name, organisationFacts(org), org.description, contactsText(org, '')].filter(Boolean).join('\n')
}

function html(view: GuideView, subject: string, neutral: boolean): string {
  const { guide, settings } = view
  const lang = escapeHTML(guide.language || 'en-GB')
  const steps = view.steps.length
    ? [
        `<h2 style="${css.h2}">What to do first</h2>`,
        `<ol style="${css.list}">`,
        ...view.steps.map((s) => {
          const org = s.organisationView
          return `<li style="${css.li}">${escapeHTML(s.text)}${org ? `<br>${contactsHtml(org).replace('<ul style="', '<ul style="margin-top:8px;')}` : ''}</li>`
        }),
        '</ol>',
      ]
    : []
  const primary = view.primarySupport
    ? [
        `<div style="${css.card}">`,
        `<h2 style="${css.h2}margin-top:16px;">Free support: ${escapeHTML(view.primarySupport.name)}</h2>`,
        `<p style="${css.small}">${escapeHTML(organisationFacts(view.primarySupport))}</p>`,
        contactsHtml(view.primarySupport),
        '</div>',
      ]
    : []
  const sections = guide.sections.flatMap((s) => [`<h2 style="${css.h2}">${escapeHTML(s.heading)}</h2>`, portableTextToHtml(s.body)])
  const orgs = view.organisations.length
    ? [
        `<h2 style="${css.h2}">Organisations that can help</h2>`,
        guide.organisationsIntro ? `<p style="${css.p}">${escapeHTML(guide.organisationsIntro)}</p>` : '',
        ...view.organisations.map(organisationHtml),
      ]
    : []
  const href = escapeHTML(guide.url)
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHTML(subject)}</title>`,
    '</head>',
    `<body style="${css.body}">`,
    `<div style="${css.wrapper}">`,
    // The service's name heads the sheet; a neutral one opens with a neutral sentence instead, which fills the preview.
    neutral ? `<p style="${css.p}">${escapeHTML(NEUTRAL_OPENING)}</p>` : `<p style="${css.identity}">${escapeHTML(settings.identity.name)}</p>`,
    `<h1 style="${css.h1}">${escapeHTML(guide.title)}</h1>`,
    `<p style="${css.p}">${escapeHTML(guide.summary)}</p>`,
    `<p style="${css.notice}">${escapeHTML(settings.emergencyNotice)}</p>`,
    ...steps,
    ...primary,
    ...sections,
    ...orgs,
    `<hr style="${css.rule}">`,
    `<p style="${css.p}">Read this advice online: <a href="${href}" style="${css.link}">${href}</a></p>`,
    `<p style="${css.small}">${escapeHTML(checkedLine(view))}. ${escapeHTML(view.area.name)}.</p>`,
    !neutral && settings.identity.funderLine ? `<p style="${css.small}">${escapeHTML(settings.identity.funderLine)}</p>` : '',
    `<p style="${css.small}">You were sent this because you, or someone helping you, asked for it. If you did not expect it, you can delete it.</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function text(view: GuideView, neutral: boolean): string {
  const { guide, settings } = view
  const parts: string[] = [neutral ? NEUTRAL_OPENING : settings.identity.name, underline(guide.title, '='), guide.summary, settings.emergencyNotice]
  if (view.steps.length) {
    const steps = view.steps.map((s, i) => {
      const org = s.organisationView
      return `${i + 1}. ${s.text}${org && org.contactPoints.length ? `\n${contactsText(org, '   ')}` : ''}`
    })
    parts.push(underline('What to do first', '-'), steps.join('\n'))
  }
  if (view.primarySupport) {
    const p = view.primarySupport
    parts.push(underline(`Free support: ${p.name}`, '-'), [organisationFacts(p), contactsText(p, '')].filter(Boolean).join('\n'))
  }
  for (const s of guide.sections) parts.push(underline(s.heading, '-'), portableTextToText(s.body))
  if (view.organisations.length) {
    parts.push(underline('Organisations that can help', '-'))
    if (guide.organisationsIntro) parts.push(guide.organisationsIntro)
    for (const org of view.organisations) parts.push(organisationText(org))
  }
  parts.push(
    '----',
    `Read this advice online: ${guide.url}`,
    `${checkedLine(view)}. ${view.area.name}.`,
    !neutral && settings.identity.funderLine ? settings.identity.funderLine : '',
    'You were sent this because you, or someone helping you, asked for it. If you did not expect it, you can delete it.',
  )
  return `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`
}

export function renderAdviceEmail(view: GuideView, options: RenderAdviceEmailOptions = {}): RenderedAdviceEmail {
  const subject = adviceSubject(view, options)
  const neutral = Boolean(options.neutral)
  return { subject, html: html(view, subject, neutral), text: text(view, neutral), senderName: neutral ? NEUTRAL_SENDER_NAME : view.settings.identity.name }
}
