// The guide page's body, shared by the static guide page and its "email problem" variant: the 999 notice and
// the local service's number under the title (a phone's first screen), what to do now, who can help (local
// services first), the leaflet to download and a form to email the advice.
import type { GuideView } from '@signpost/content'
import { readerDate } from '@signpost/content/rules'
import { formatBytes } from '../lib/format'
import type { LeafletFormat } from '../lib/leaflets'
import { paths } from '../lib/paths'
import { ContactPoints } from './ContactPoints'
import { EmailMeForm } from './EmailMeForm'
import { Emergency } from './Emergency'
import { HelpNow } from './HelpNow'
import { Layout } from './Layout'
import { OrganisationCard } from './OrganisationCard'
import { RichText } from './RichText'

export type GuidePageProps = {
  view: GuideView
  lang: string
  leaflets: Record<LeafletFormat, number | null>
  draft: boolean
  emailError?: string
}

export function GuidePage({ view, leaflets, draft, emailError }: GuidePageProps) {
  const { guide, settings } = view
  return (
    <Layout
      settings={settings}
      draft={draft}
      meta={{
        title: emailError ? `There is a problem: ${guide.title}` : guide.title,
        description: guide.summary,
        canonical: guide.url,
        noindex: Boolean(emailError),
        revision: guide.revision,
      }}
    >
      <h1>{guide.title}</h1>
      <Emergency notice={settings.emergencyNotice} />
      {view.primarySupport ? <HelpNow organisation={view.primarySupport} /> : null}
      <p className="lead">{guide.summary}</p>

      {view.steps.length > 0 ? (
        <section aria-labelledby="what-to-do">
          <h2 id="what-to-do">What to do now</h2>
          <ol className="steps">
            {view.steps.map((step) => (
              <li key={step.key}>
                <p>{step.text}</p>
                {step.organisationView ? <ContactPoints organisation={step.organisationView} /> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {guide.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`}>{section.heading}</h2>
          <RichText value={section.body} />
        </section>
      ))}

      {view.organisations.length > 0 ? (
        <section aria-labelledby="who-can-help">
          <h2 id="who-can-help">Who can help</h2>
          {guide.organisationsIntro ? <p>{guide.organisationsIntro}</p> : null}
          {view.organisations.map((o) => (
            <OrganisationCard key={o.slug} organisation={o} />
          ))}
        </section>
      ) : null}

      <section className="panel downloads-panel" aria-labelledby="print">
        <h2 id="print">Print or keep this advice</h2>
        <ul className="downloads">
          {leaflets.standard !== null ? (
            <li>
              <a href={paths.leaflet(guide.slug)} download>
                {`Download the leaflet (PDF, ${formatBytes(leaflets.standard)})`}
              </a>
            </li>
          ) : null}
          {leaflets['large-print'] !== null ? (
            <li>
              <a href={paths.leaflet(guide.slug, 'large-print')} download>
                {`Download the large-print leaflet (PDF, ${formatBytes(leaflets['large-print'])})`}
              </a>
            </li>
          ) : null}
        </ul>
      </section>

      <EmailMeForm slug={guide.slug} error={emailError} />
      <p className="meta">Checked {readerDate(guide.reviewedAt, guide.language)}</p>
    </Layout>
  )
}
