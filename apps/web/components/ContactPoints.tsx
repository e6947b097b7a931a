// Contact points a thumb can use: phone numbers large as tel: links, SMS as an sms: link with the
// instruction written out. Every href and display form comes from @signpost/content.
import type { ContactPoint, Organisation } from '@signpost/content'

export function ContactPointItem({ contact }: { contact: ContactPoint }) {
  switch (contact.kind) {
    case 'phone':
      return (
        <>
          <span className="contact-label">{contact.label ?? 'Phone'}</span>
          <a className="contact-phone" href={contact.href}>
            {contact.display}
          </a>
          {contact.hours ? <span className="contact-note">Open {contact.hours}</span> : null}
          {contact.freeToCall ? <span className="contact-note">Free to call</span> : null}
        </>
      )
    case 'sms':
      return (
        <>
          <span className="contact-label">{contact.label ?? 'Text message'}</span>
          <a className="contact-sms" href={contact.href}>
            {contact.instruction}
          </a>
          <span className="contact-note">
            Send a text with the word {contact.keyword} to {contact.shortCode}.
          </span>
        </>
      )
    case 'website':
      return (
        <>
          <span className="contact-label">{contact.label ?? 'Website'}</span>
          <a className="contact-link" href={contact.url}>
            {contact.display}
          </a>
        </>
      )
    case 'email':
      return (
        <>
          <span className="contact-label">{contact.label ?? 'Email'}</span>
          <a className="contact-link" href={contact.href}>
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

export function OrganisationTags({ organisation }: { organisation: Organisation }) {
  const tags = [
    organisation.kindLabel,
    organisation.national ? 'National' : 'Local',
    organisation.free ? 'Free' : undefined,
    organisation.confidential ? 'Confidential' : undefined,
  ].filter((t): t is string => Boolean(t))
  return (
    <ul className="tags" aria-label="About this service">
      {tags.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  )
}
