// The emergency notice (the site settings' words in the default language, the phrase catalogue's in others), with
// 999 as a big tap-to-call link.
import type { ReactNode } from 'react'
import { usePhrases } from './Phrases'

export function Emergency({ notice }: { notice: ReactNode }) {
  const { t, p } = usePhrases()
  return (
    <aside className="emergency" aria-label={t('site.emergency')}>
      <p>{notice}</p>
      <a className="emergency-call" href="tel:999">
        {p('site.call999')}
      </a>
    </aside>
  )
}
