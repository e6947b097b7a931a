// The service's identity from the site settings: its name, funder line, logo and accent colour, as every channel shows
// them. Kept apart from normalise() so the settings' own checks and the logo's shape live in one place.
import type { Identity, Logo, Problem } from './model.js'
import type { RawSettings } from './raw.js'
import { accentColourWarning } from './rules/index.js'

/** Warnings about the identity (errors were already raised by the raw schema). */
export function identityWarnings(settings: RawSettings): Problem[] {
  const problems: Problem[] = []
  const warn = (path: string, message: string) => problems.push({ severity: 'warning', documentId: settings._id, path, message })
  const accent = accentColourWarning(settings.accentColour)
  if (accent) warn('accentColour', accent)
  const logo = settings.logo
  if (logo?.assetRef && !logo.url) {
    warn('logo', `The logo image (${logo.assetRef}) is not in the dataset, so no logo is shown. Upload the logo again.`)
  } else if (logo?.url && !(logo.width && logo.height)) {
    warn('logo', 'The logo image has no width and height recorded, so no logo is shown. Upload the logo again.')
  }
  return problems
}

function logoOf(settings: RawSettings): Logo | undefined {
  const logo = settings.logo
  if (!logo?.assetRef || !logo.url || !logo.width || !logo.height) return undefined
  return {
    url: logo.url,
    alt: String(logo.alt).trim(),
    mimeType: logo.mimeType as Logo['mimeType'],
    width: logo.width,
    height: logo.height,
  }
}

export function identityOf(settings: RawSettings): Identity {
  return { name: settings.serviceName, funderLine: settings.funderLine, logo: logoOf(settings), accentColour: settings.accentColour }
}
