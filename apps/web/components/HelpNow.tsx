// "How to get help now": the area's local support service (GuideView.primarySupport) with its contacts.
import type { Organisation } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints } from './ContactPoints'

export function HelpNow({ organisation, headingLevel = 2 }: { organisation: Organisation; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="help-now" aria-labelledby="help-now">
      <Heading id="help-now">Get help now</Heading>
      <p>
        <a href={paths.organisation(organisation.slug)}>{organisation.name}</a>
        {organisation.free ? ' is free' : ''}
        {organisation.free && organisation.confidential ? ' and confidential' : organisation.confidential ? ' is confidential' : ''}.
        {organisation.national ? '' : ' It is your local support service.'}
      </p>
      <ContactPoints organisation={organisation} />
    </section>
  )
}
