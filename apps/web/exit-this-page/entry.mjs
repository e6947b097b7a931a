// The exit-this-page control's only script: GOV.UK Frontend's own ExitThisPage component, bundled alone
// (no framework) so Shift×3 works the moment the page is shown. Built into public/exit-this-page.js.
// One change from GOV.UK's: it leaves with location.replace, so the page is taken out of the tab's history and
// Back does not bring it up again (as Refuge's and Women's Aid's exits do). Without JavaScript the control is
// a plain link, and Back returns as with any link.
import { ExitThisPage } from 'govuk-frontend/dist/govuk/components/exit-this-page/exit-this-page.mjs'

class ExitThisPageReplacingHistory extends ExitThisPage {
  // GOV.UK's exitPage(), with window.location.replace in place of setting window.location.href.
  exitPage() {
    if (!this.$updateSpan) return
    this.$updateSpan.textContent = ''
    document.body.classList.add('govuk-exit-this-page-hide-content')
    const overlay = document.createElement('div')
    overlay.className = 'govuk-exit-this-page-overlay'
    overlay.setAttribute('role', 'alert')
    document.body.appendChild(overlay)
    this.$overlay = overlay
    overlay.textContent = this.i18n.t('activated')
    window.location.replace(this.$button.href)
  }
}

document.body.classList.add('govuk-frontend-supported')
for (const root of document.querySelectorAll('[data-module="govuk-exit-this-page"]')) {
  try {
    new ExitThisPageReplacingHistory(root)
  } catch (error) {
    // The link still works without the shortcut; say why in the console for whoever is debugging.
    console.error(error)
  }
}
