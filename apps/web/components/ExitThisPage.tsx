// GOV.UK Frontend's "Exit this page" markup: a plain link that works with JavaScript off; the standalone
// script in public/exit-this-page.js adds Shift×3, the status announcements and the overlay, and leaves with
// location.replace so Back does not return here. The Shift hint is for keyboards (hidden on touch screens).
export function ExitThisPage({ exitUrl }: { exitUrl: string }) {
  return (
    <div className="govuk-exit-this-page" data-module="govuk-exit-this-page">
      <div>
        <a href={exitUrl} role="button" draggable="false" className="govuk-exit-this-page__button govuk-js-exit-this-page-button" rel="nofollow noreferrer">
          <span className="govuk-visually-hidden">Emergency</span> Exit this page
        </a>
        <p className="exit-hint keyboard-hint">Or press Shift 3 times</p>
      </div>
    </div>
  )
}
