// Home: the emergency notice and how to get help now (on a phone's first screen), then the guides for this site's
// area, in one language: / in English, /<lang> (/ur, /cy, /pl) in another, each listing the others.
import type { Organisation, SiteSettings } from '@signpost/content'
import { DEFAULT_LANGUAGE } from '@signpost/content/rules'
import { paths } from '../lib/paths'
import { t, type PhraseBook } from '../lib/phrases'
import { Emergency } from './Emergency'
import { HelpNow } from './HelpNow'
import { LanguageList, type LanguageVersion } from './LanguageList'
import { Layout } from './Layout'
import { InLanguage, usePhrases } from './Phrases'

export type HomeProps = {
  settings: SiteSettings
  book: PhraseBook
  lang: string
  dir: 'ltr' | 'rtl'
  areaName: string
  guides: { slug: string; title: string; summary: string }[]
  support: Organisation | null
  draft: boolean
  canonical: string
  /** The home page in every language the area has guides in (this one included), with absolute addresses. */
  versions: (LanguageVersion & { url: string })[]
}

export function HomePage({ settings, book, areaName, guides, support, draft, canonical, versions }: HomeProps) {
  return (
    <Layout
      settings={settings}
      book={book}
      draft={draft}
      meta={{
        title: settings.identity.name,
        description: t(book, 'site.homeDescription', { area: areaName }),
        canonical,
        alternates: versions.map((v) => ({ hreflang: v.language.tag, href: v.url })),
        defaultHref: versions.find((v) => v.language.code === DEFAULT_LANGUAGE)?.url,
      }}
    >
      <HomeBody settings={settings} areaName={areaName} guides={guides} support={support} versions={versions} />
    </Layout>
  )
}

function HomeBody({ settings, areaName, guides, support, versions }: Pick<HomeProps, 'settings' | 'areaName' | 'guides' | 'support' | 'versions'>) {
  const { p, tNodes, language, defaultHrefLang } = usePhrases()
  const area = <InLanguage>{areaName}</InLanguage>
  return (
    <>
      <LanguageList versions={versions} />
      <h1>{tNodes('site.homeHeading', { area })}</h1>
      <Emergency notice={language.code === DEFAULT_LANGUAGE ? settings.emergencyNotice : p('common.emergency')} />
      {support ? <HelpNow organisation={support} /> : null}
      <p className="lead">{p('site.homeLead')}</p>
      <h2>{p('site.guides')}</h2>
      <ul className="card-list">
        {guides.map((g) => (
          <li key={g.slug}>
            <a href={paths.guide(g.slug, language.code)}>{g.title}</a>
            <p>{g.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href={paths.organisations()} hrefLang={defaultHrefLang}>
          {tNodes('site.allOrganisationsIn', { area })}
        </a>
      </p>
    </>
  )
}
