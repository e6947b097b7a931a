// The languages a page is in, as plain links (no JavaScript): each language's own name, marked with its lang
// and hreflang, so a reader who cannot read this page's language can still find theirs. The current one is text.
import type { Language } from '@signpost/content'
import { usePhrases } from './Phrases'

export type LanguageVersion = { language: Language; href: string }

export function LanguageList({ versions }: { versions: LanguageVersion[] }) {
  const { t, language: page } = usePhrases()
  if (versions.length < 2) return null
  return (
    <nav className="language-list" aria-label={t('common.languages')}>
      <ul>
        {versions.map(({ language, href }) => (
          <li key={language.code}>
            {language.code === page.code ? (
              <span aria-current="page">{language.nativeName}</span>
            ) : (
              <a href={href} lang={language.tag} hrefLang={language.tag} dir={language.dir}>
                {language.nativeName}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
