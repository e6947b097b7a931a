// GOV.UK Frontend's "Exit this page" markup: a plain link that works with JavaScript off; the standalone
// script in public/exit-this-page.js adds Shift×3, the status announcements and the overlay, and leaves with
// location.replace so Back does not return here. The Shift hint is for keyboards (hidden on touch screens).
// Its words, the script's announcements included (GOV.UK's data-i18n.* attributes), are in the page's language.
import { usePhrases } from './Phrases'

export function ExitThisPage({ exitUrl }: { exitUrl: string }) {
  const { t, p } = usePhrases()
  const i18n = {
    'data-i18n.activated': t('site.exitActivated'),
    'data-i18n.timed-out': t('site.exitTimedOut'),
    'data-i18n.press-two-more-times': t('site.exitPressTwoMoreTimes'),
    'data-i18n.press-one-more-time': t('site.exitPressOneMoreTime'),
  }
  return (
    <div className="govuk-exit-this-page" data-module="govuk-exit-this-page" {...i18n}>
      <div>
        <a href={exitUrl} role="button" draggable="false" className="govuk-exit-this-page__button govuk-js-exit-this-page-button" rel="nofollow noreferrer">
          <span className="govuk-visually-hidden">{p('site.emergency')}</span> {p('site.exitThisPage')}
        </a>
        <p className="exit-hint keyboard-hint">{p('site.exitKeyboardHint')}</p>
      </div>
    </div>
  )
}
