// "Get help now": the area's local support service (GuideView.primarySupport) with its contacts. Its first phone
// number comes first, as one tap-to-call link with the service's name, so it is on a phone's first screen.
// The name stays as the service writes it (marked as its language inside a translation); the number is isolated
// left to right.
import type { Organisation, PhoneContact } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints } from './ContactPoints'
import { InLanguage, usePhrases } from './Phrases'

/** Which of the "is free / confidential" sentences describes the service. */
function aboutKey(organisation: Organisation) {
  if (organisation.free && organisation.confidential) return 'site.isFreeAndConfidential' as const
  if (organisation.free) return 'site.isFree' as const
  if (organisation.confidential) return 'site.isConfidential' as const
  return 'site.isNamed' as const
}

export function HelpNow({ organisation }: { organisation: Organisation }) {
  const { p, tNodes, defaultHrefLang } = usePhrases()
  const phone = organisation.contactPoints.find((c): c is PhoneContact => c.kind === 'phone')
  const notes = !phone
    ? null
    : phone.freeToCall && phone.hours
      ? p('site.freeToCallAndOpen', { hours: phone.hours })
      : phone.freeToCall
        ? p('common.freeToCall')
        : phone.hours
          ? p('common.openHours', { hours: phone.hours })
          : null
  const name = <InLanguage>{organisation.name}</InLanguage>
  return (
    <section className="help-now" aria-labelledby="help-now">
      <h2 id="help-now">{p('common.getHelpNow')}</h2>
      {phone ? (
        <>
          <a className="help-call" href={phone.href}>
            <span className="help-call-name">{name}</span>{' '}
            <span className="help-call-number" dir="ltr">
              {phone.display}
            </span>
          </a>
          {notes ? <span className="contact-note">{notes}</span> : null}
        </>
      ) : null}
      <p>
        {tNodes(aboutKey(organisation), {
          name: (
            <a href={paths.organisation(organisation.slug)} hrefLang={defaultHrefLang}>
              {name}
            </a>
          ),
        })}
        {organisation.national ? null : <> {p('site.isYourLocalService')}</>}
      </p>
      <ContactPoints organisation={organisation} except={phone?.key} />
    </section>
  )
}
