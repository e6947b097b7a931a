// The guide page's body, shared by the static guide page and its "email problem" variant: the 999 notice and
// the local service's number under the title (a phone's first screen), what to do now, who can help (local
// services first), the leaflet to download and a form to email the advice. In the guide's own language (lang
// and dir on <html> from the page's props), with the other languages it exists in linked and listed as
// hreflang alternates, and a translation's notices (not yet checked, out of date).
import type { GuideView } from '@signpost/content'
import { DEFAULT_LANGUAGE, readerDate } from '@signpost/content/rules'
import type { EmailErrorCode } from '../lib/emailErrors'
import { formatBytes } from '../lib/format'
import type { LeafletFormat } from '../lib/leaflets'
import { paths } from '../lib/paths'
import type { PhraseBook } from '../lib/phrases'
import { t, tText } from '../lib/phrases'
import { ContactPoints } from './ContactPoints'
import { EmailMeForm } from './EmailMeForm'
import { Emergency } from './Emergency'
import { HelpNow } from './HelpNow'
import { LanguageList } from './LanguageList'
import { Layout } from './Layout'
import { OrganisationCard } from './OrganisationCard'
import { RichText } from './RichText'
import { TranslationNotice } from './TranslationNotice'

export type GuidePageProps = {
  view: GuideView
  book: PhraseBook
  /** For <html> (pages/_document.tsx): the guide's language tag and direction. */
  lang: string
  dir: 'ltr' | 'rtl'
  leaflets: Record<LeafletFormat, number | null>
  draft: boolean
  emailError?: EmailErrorCode
}

/** The props every guide page and sub-page shares, from its view and phrase book. */
export function guidePageBase(view: GuideView, book: PhraseBook) {
  return { view, book, lang: view.language.tag, dir: view.language.dir }
}

export function GuidePage({ view, book, leaflets, draft, emailError }: GuidePageProps) {
  const { guide, settings, language } = view
  const original = view.versions.find((v) => v.language.code === DEFAULT_LANGUAGE)
  return (
    <Layout
      settings={settings}
      book={book}
      draft={draft}
      meta={{
        title: emailError ? t(book, 'site.problemTitle', { title: guide.title }) : guide.title,
        description: guide.summary,
        canonical: guide.url,
        noindex: Boolean(emailError),
        revision: guide.revision,
        alternates: view.versions.map((v) => ({ hreflang: v.language.tag, href: v.url })),
        defaultHref: original?.url,
      }}
    >
      <LanguageList versions={view.versions.map((v) => ({ language: v.language, href: paths.guide(v.slug, v.language.code) }))} />
      <h1>{guide.title}</h1>
      <Emergency notice={language.code === DEFAULT_LANGUAGE ? settings.emergencyNotice : tText(book, 'common.emergency')} />
      {view.primarySupport ? <HelpNow organisation={view.primarySupport} /> : null}
      <TranslationNotice view={view} />
      <p className="lead">{guide.summary}</p>

      {view.steps.length > 0 ? (
        <section aria-labelledby="what-to-do">
          <h2 id="what-to-do">{tText(book, 'common.whatToDoNow')}</h2>
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
          <h2 id="who-can-help">{tText(book, 'common.whoCanHelp')}</h2>
          {guide.organisationsIntro ? <p>{guide.organisationsIntro}</p> : null}
          {view.organisations.map((o) => (
            <OrganisationCard key={o.slug} organisation={o} />
          ))}
        </section>
      ) : null}

      <section className="panel downloads-panel" aria-labelledby="print">
        <h2 id="print">{tText(book, 'site.printOrKeep')}</h2>
        <ul className="downloads">
          {leaflets.standard !== null ? (
            <li>
              <a href={paths.leaflet(guide.slug, 'standard', language.code)} download>
                {tText(book, 'site.downloadLeaflet', { size: formatBytes(leaflets.standard) })}
              </a>
            </li>
          ) : null}
          {leaflets['large-print'] !== null ? (
            <li>
              <a href={paths.leaflet(guide.slug, 'large-print', language.code)} download>
                {tText(book, 'site.downloadLargePrintLeaflet', { size: formatBytes(leaflets['large-print']) })}
              </a>
            </li>
          ) : null}
        </ul>
      </section>

      <EmailMeForm slug={guide.slug} error={emailError} />
      <p className="meta">{tText(book, 'common.checked', { date: readerDate(guide.reviewedAt, language.tag) })}</p>
    </Layout>
  )
}
