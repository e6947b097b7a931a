// Contact points a thumb can use: phone numbers large as tel: links, SMS as an sms: link with the
// instruction written out. Every href and display form comes from @signpost/content. Numbers, short codes
// and keywords are isolated left to right, so "0800 612 6505" and "82228" read right inside Urdu text.
import type { ContactPoint, Organisation } from '@signpost/content'
import { Ltr, usePhrases } from './Phrases'

export function ContactPointItem({ contact }: { contact: ContactPoint }) {
  const { p, tNodes } = usePhrases()
  switch (contact.kind) {
    case 'phone':
      return (
        <>
          <span className="contact-label">{contact.label ?? p('common.contactPhone')}</span>
          <a className="contact-phone" href={contact.href} dir="ltr">
            {contact.display}
          </a>
          {contact.hours ? <span className="contact-note">{p('common.openHours', { hours: contact.hours })}</span> : null}
          {contact.freeToCall ? <span className="contact-note">{p('common.freeToCall')}</span> : null}
        </>
      )
    case 'sms':
      return (
        <>
          <span className="contact-label">{contact.label ?? p('common.contactText')}</span>
          <a className="contact-sms" href={contact.href}>
            {/* One span: the link is a flex box, which would make each word its own item and drop the spaces between them. */}
            <span>{tNodes('common.smsInstruction', { keyword: <Ltr>{contact.keyword}</Ltr>, shortCode: <Ltr>{contact.shortCode}</Ltr> })}</span>
          </a>
          <span className="contact-note">{tNodes('site.smsHowTo', { keyword: <Ltr>{contact.keyword}</Ltr>, shortCode: <Ltr>{contact.shortCode}</Ltr> })}</span>
        </>
      )
    case 'website':
      return (
        <>
          <span className="contact-label">{contact.label ?? p('common.contactWebsite')}</span>
          <a className="contact-link" href={contact.url} dir="ltr">
            {contact.display}
          </a>
        </>
      )
    case 'email':
      return (
        <>
          <span className="contact-label">{contact.label ?? p('common.contactEmail')}</span>
          <a className="contact-link" href={contact.href} dir="ltr">
            {contact.address}
          </a>
        </>
      )
  }
}

/** The organisation's contact points; `except` leaves out one already shown (HelpNow's call link). */
export function ContactPoints({ organisation, except }: { organisation: Organisation; except?: string }) {
  const contacts = organisation.contactPoints.filter((c) => c.key !== except)
  if (contacts.length === 0) return null
  return (
    <ul className="contacts">
      {contacts.map((c) => (
        <li key={c.key}>
          <ContactPointItem contact={c} />
        </li>
      ))}
    </ul>
  )
}

/** The phrase key for an organisation kind ("supportService" -> "common.kindSupportService"). */
export const kindPhraseKey = (kind: string) => `common.kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`

export function OrganisationTags({ organisation }: { organisation: Organisation }) {
  const { t, book } = usePhrases()
  const kindKey = kindPhraseKey(organisation.kind)
  const tags = [
    kindKey in book.templates ? t(kindKey as Parameters<typeof t>[0]) : organisation.kindLabel,
    organisation.national ? t('common.national') : t('common.local'),
    organisation.free ? t('common.free') : undefined,
    organisation.confidential ? t('common.confidential') : undefined,
  ].filter((tag): tag is string => Boolean(tag))
  return (
    <ul className="tags" aria-label={t('site.aboutThisService')}>
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  )
}
