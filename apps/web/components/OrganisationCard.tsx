// One organisation as a reader meets it on a guide: name, what it is, what it does, how to contact it.
// The name is the organisation's own (marked as its language inside a translation); the description comes
// in the page's language when the organisation has it translated (@signpost/content's views).
import type { Organisation } from '@signpost/content'
import { paths } from '../lib/paths'
import { ContactPoints, OrganisationTags } from './ContactPoints'
import { InLanguage, usePhrases } from './Phrases'

export function OrganisationCard({ organisation, headingLevel = 3 }: { organisation: Organisation; headingLevel?: 2 | 3 }) {
  const { defaultHrefLang } = usePhrases()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="organisation" aria-labelledby={`org-${organisation.slug}`}>
      <Heading id={`org-${organisation.slug}`}>
        <a href={paths.organisation(organisation.slug)} hrefLang={defaultHrefLang}>
          <InLanguage>{organisation.name}</InLanguage>
        </a>
      </Heading>
      <OrganisationTags organisation={organisation} />
      <p>{organisation.description}</p>
      <ContactPoints organisation={organisation} />
    </section>
  )
}
