// "Get help now": the area's local support service (GuideView.primarySupport) with its contacts. Its first phone
// number comes first, as one tap-to-call link with the service's name, so it is on a phone's first screen.
import type { Organisation, PhoneContact } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints } from './ContactPoints'

export function HelpNow({ organisation }: { organisation: Organisation }) {
  const phone = organisation.contactPoints.find((c): c is PhoneContact => c.kind === 'phone')
  const notes = phone ? [phone.freeToCall ? 'Free to call' : undefined, phone.hours ? `Open ${phone.hours}` : undefined].filter(Boolean).join('. ') : ''
  return (
    <section className="help-now" aria-labelledby="help-now">
      <h2 id="help-now">Get help now</h2>
      {phone ? (
        <>
          <a className="help-call" href={phone.href}>
            <span className="help-call-name">{organisation.name}</span> <span className="help-call-number">{phone.display}</span>
          </a>
          {notes ? <span className="contact-note">{notes}</span> : null}
        </>
      ) : null}
      <p>
        <a href={paths.organisation(organisation.slug)}>{organisation.name}</a>
        {organisation.free ? ' is free' : ''}
        {organisation.free && organisation.confidential ? ' and confidential' : organisation.confidential ? ' is confidential' : ''}.
        {organisation.national ? '' : ' It is your local support service.'}
      </p>
      <ContactPoints organisation={organisation} except={phone?.key} />
    </section>
  )
}
