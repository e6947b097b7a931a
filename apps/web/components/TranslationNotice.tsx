// What a reader of a translation is told about it: that no qualified translator has checked it yet (with the
// English version offered), and that it was last checked against an English original that has changed since.
import type { GuideView } from '@signpost/content'
import { readerDate } from '@signpost/content/rules'
import { paths } from '../lib/paths'
import { usePhrases } from './Phrases'

export function TranslationNotice({ view }: { view: GuideView }) {
  const { p, language, defaultHrefLang } = usePhrases()
  const { translation } = view.guide
  if (!translation || (translation.reviewed && !translation.outOfDate)) return null
  const english = view.original ? (
    <p>
      <a href={paths.guide(view.original.slug)} hrefLang={defaultHrefLang}>
        {p('common.readInEnglish')}
      </a>
    </p>
  ) : null
  return (
    <div className="translation-notice" role="note">
      {translation.reviewed ? null : <p>{p('common.translationUnchecked')}</p>}
      {translation.outOfDate ? <p>{p('common.translationOutOfDate', { date: readerDate(translation.checkedAgainstOriginalOn, language.tag) })}</p> : null}
      {english}
    </div>
  )
}
