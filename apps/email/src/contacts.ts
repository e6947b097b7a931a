// How an organisation's contact points read in the advice email: as HTML links and written out in full for plain text,
// labelled in the email's language (the catalogue's words, or the organisation's own translated labels), with every
// number and address kept left to right inside right-to-left text.
import { escapeHTML } from '@portabletext/to-html'
import { rules, type ContactPoint, type Organisation, type Phrases } from '@signpost/content'
import { isolateText, ltrAttribute } from './bidi.js'
import type { Direction, EmailStyles } from './styles.js'

/** What every part of the email is rendered with: its styles, its direction and its words. */
export type EmailContext = { css: EmailStyles; dir: Direction; t: Phrases['t'] }

function link(href: string, label: string, style: string, dir: Direction): string {
  return rules.isSafeLinkHref(href) ? `<a href="${escapeHTML(href)}"${ltrAttribute(dir)} style="${style}">${escapeHTML(label)}</a>` : escapeHTML(label)
}

function phoneNotes(c: Extract<ContactPoint, { kind: 'phone' }>, t: Phrases['t']): string[] {
  return [c.freeToCall ? t('common.freeToCall') : '', c.hours ?? ''].filter(Boolean)
}

const LABELS = { phone: 'common.contactPhone', sms: 'common.contactText', website: 'common.contactWebsite', email: 'common.contactEmail' } as const

const labelOf = (c: ContactPoint, t: Phrases['t']): string => c.label ?? t(LABELS[c.kind])

export function contactHtml(c: ContactPoint, ctx: EmailContext): string {
  const { css, dir, t } = ctx
  const label = `<strong>${escapeHTML(labelOf(c, t))}:</strong> `
  switch (c.kind) {
    case 'phone': {
      const notes = phoneNotes(c, t)
      return `${label}${link(c.href, c.display, css.phone, dir)}${notes.length ? ` (${escapeHTML(notes.join(', '))})` : ''}`
    }
    case 'sms':
      // "Text DVS to 82228" is a sentence in the reader's language (the view's), so it keeps the email's direction.
      return `${label}${link(c.href, c.instruction, css.numberLink, 'ltr')}`
    case 'website':
      return `${label}${link(c.url, c.display, css.link, dir)}`
    case 'email':
      return `${label}${link(c.href, c.address, css.link, dir)}`
  }
}

export function contactText(c: ContactPoint, ctx: EmailContext): string {
  const { dir, t } = ctx
  switch (c.kind) {
    case 'phone': {
      const notes = phoneNotes(c, t)
      return `${labelOf(c, t)}: ${isolateText(c.display, dir)}${notes.length ? ` (${notes.join(', ')})` : ''}`
    }
    case 'sms':
      return `${labelOf(c, t)}: ${c.instruction}`
    case 'website':
      return `${labelOf(c, t)}: ${isolateText(c.url, dir)}`
    case 'email':
      return `${labelOf(c, t)}: ${isolateText(c.address, dir)}`
  }
}

export function contactsHtml(org: Organisation, ctx: EmailContext): string {
  if (org.contactPoints.length === 0) return ''
  const items = org.contactPoints.map((c) => `<li style="${ctx.css.contact}">${contactHtml(c, ctx)}</li>`).join('')
  return `<ul style="${ctx.css.contacts}">${items}</ul>`
}

export function contactsText(org: Organisation, indent: string, ctx: EmailContext): string {
  return org.contactPoints.map((c) => `${indent}${contactText(c, ctx)}`).join('\n')
}

/** "Support service · Free · Confidential": what a reader wants to know before calling (the kind as the view localised it). */
export function organisationFacts(org: Organisation, t: Phrases['t']): string {
  return [org.kindLabel, org.free ? t('common.free') : '', org.confidential ? t('common.confidential') : ''].filter(Boolean).join(' · ')
}
