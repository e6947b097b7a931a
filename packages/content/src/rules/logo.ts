// The service's logo: the Studio and the content door accept the same images and ask for the same description.
import { fail, pass, type RuleResult } from './result.js'

export const LOGO_MIME_TYPES = ['image/png', 'image/svg+xml'] as const
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number]

/** Alt text is required: the logo carries the service's name for people who cannot see it. */
export function checkLogoAlt(input: unknown): RuleResult<string> {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('Describe the logo for people who cannot see it (alt text), for example "Derbyshire Victim Services".')
  }
  return pass(input.trim())
}

/** PNG or SVG only: every channel can use a PNG (leaflets, email), and SVG stays sharp on the site. */
export function checkLogoMimeType(input: unknown): RuleResult<LogoMimeType> {
  if (typeof input === 'string' && (LOGO_MIME_TYPES as readonly string[]).includes(input)) return pass(input as LogoMimeType)
  return fail(`The logo must be a PNG or SVG image${typeof input === 'string' && input ? ` (this one is ${input})` : ''}. Upload it again as PNG or SVG.`)
}
