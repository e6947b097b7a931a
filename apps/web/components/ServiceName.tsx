// The service's name at the top of every page, as a link home: its logo when the site settings have one (the
// logo stands for the name, so it should carry it, as a wordmark does; its alt text is read out), else the name
// as text. The build copies the logo into public/ (scripts/build-assets.mjs writes lib/logoFiles.generated.ts),
// so a page never points at a file: URL or another host.
import type { Identity } from '@signpost/content'
import { DEFAULT_LANGUAGE } from '@signpost/content/rules'
import { logoFiles, logoFileKey } from '../lib/logoFiles.generated'
import { paths } from '../lib/paths'
import { runAttributes } from '../lib/phrases'
import { InLanguage, usePhrases } from './Phrases'

export function ServiceName({ identity }: { identity: Identity }) {
  const { language } = usePhrases()
  const home = paths.home(language.code)
  const { logo } = identity
  const src = logo ? logoFiles[logoFileKey(logo.url)] : undefined
  if (!logo || !src) {
    return (
      <a className="site-name" href={home}>
        <InLanguage>{identity.name}</InLanguage>
      </a>
    )
  }
  // The name is read out once: from the alt text when it says the name, else from hidden text after the logo.
  const altSaysName = logo.alt.toLowerCase().includes(identity.name.toLowerCase())
  return (
    <a className="site-name site-name--logo" href={home}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a plain <img>: next/image adds an inline style attribute, which the CSP (style-src 'self') refuses, and the file is already sized at build */}
      <img className="site-logo" src={src} alt={logo.alt} width={logo.width} height={logo.height} lang={runAttributes(DEFAULT_LANGUAGE, language).lang} />
      {altSaysName ? null : (
        <span className="visually-hidden">
          <InLanguage>{identity.name}</InLanguage>
        </span>
      )}
    </a>
  )
}
