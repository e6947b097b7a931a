// "How to get help now": the area's local support service (GuideView.primarySupport) with its contacts.
import type { Organisation } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints } from './ContactPoints'

export function HelpNow({ organisation }: { organisation: Organisation }) {
  return (
    <section className="help-now" aria-labelledby="help-now">
      <h2 id="help-now">Get help now</h2>
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
