// How an organisation's contact points read in the advice email: as HTML links and written out in full for plain text.
import { escapeHTML } from '@portabletext/to-html'
import { rules, type ContactPoint, type Organisation } from '@signpost/content'
import { css } from './styles.js'

function link(href: string, label: string, style: string = css.link): string {
  return rules.isSafeLinkHref(href) ? `<a href="${escapeHTML(href)}" style="${style}">${escapeHTML(label)}</a>` : escapeHTML(label)
}

function phoneNotes(c: Extract<ContactPoint, { kind: 'phone' }>): string[] {
  return [c.freeToCall ? 'free to call' : '', c.hours ?? ''].filter(Boolean)
}

export function contactHtml(c: ContactPoint): string {
  switch (c.kind) {
    case 'phone': {
      const notes = phoneNotes(c)
      return `<strong>${escapeHTML(c.label ?? 'Phone')}:</strong> ${link(c.href, c.display, css.phone)}${notes.length ? ` (${escapeHTML(notes.join(', '))})` : ''}`
    }
    case 'sms':
      return `<strong>${escapeHTML(c.label ?? 'Text')}:</strong> ${link(c.href, c.instruction, css.numberLink)}`
    case 'website':
      return `<strong>${escapeHTML(c.label ?? 'Website')}:</strong> ${link(c.url, c.display)}`
    case 'email':
      return `<strong>${escapeHTML(c.label ?? 'Email')}:</strong> ${link(c.href, c.address)}`
  }
}

export function contactText(c: ContactPoint): string {
  switch (c.kind) {
    case 'phone': {
      const notes = phoneNotes(c)
      return `${c.label ?? 'Phone'}: ${c.display}${notes.length ? ` (${notes.join(', ')})` : ''}`
    }
    case 'sms':
      return `${c.label ?? 'Text'}: ${c.instruction}`
    case 'website':
      return `${c.label ?? 'Website'}: ${c.url}`
    case 'email':
      return `${c.label ?? 'Email'}: ${c.address}`
  }
}

export function contactsHtml(org: Organisation): string {
  if (org.contactPoints.length === 0) return ''
  const items = org.contactPoints.map((c) => `<li style="${css.contact}">${contactHtml(c)}</li>`).join('')
  return `<ul style="${css.contacts}">${items}</ul>`
}

export function contactsText(org: Organisation, indent: string): string {
  return org.contactPoints.map((c) => `${indent}${contactText(c)}`).join('\n')
}

/** "Support service · free · confidential": what a reader wants to know before calling. */
export function organisationFacts(org: Organisation): string {
  return [org.kindLabel, org.free ? 'Free' : '', org.confidential ? 'Confidential' : ''].filter(Boolean).join(' · ')
}
