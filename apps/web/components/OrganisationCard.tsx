// One organisation as a reader meets it on a guide: name, what it is, what it does, how to contact it.
import type { Organisation } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints, OrganisationTags } from './ContactPoints'

export function OrganisationCard({ organisation, headingLevel = 3 }: { organisation: Organisation; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="organisation" aria-labelledby={`org-${organisation.slug}`}>
      <Heading id={`org-${organisation.slug}`}>
        <a href={paths.organisation(organisation.slug)}>{organisation.name}</a>
      </Heading>
      <OrganisationTags organisation={organisation} />
      <p>{organisation.description}</p>
      <ContactPoints organisation={organisation} />
    </section>
  )
}
