// The exit-this-page control's only script: GOV.UK Frontend's own ExitThisPage component, bundled alone
// (no framework) so Shift×3 works the moment the page is shown. Built into public/exit-this-page.js.
import { ExitThisPage } from 'govuk-frontend/dist/govuk/components/exit-this-page/exit-this-page.mjs'

document.body.classList.add('govuk-frontend-supported')
for (const root of document.querySelectorAll('[data-module="govuk-exit-this-page"]')) {
  try {
    new ExitThisPage(root)
  } catch (error) {
    // The link still works without the shortcut; say why in the console for whoever is debugging.
    console.error(error)
  }
}
