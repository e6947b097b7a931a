// Where the site serves each channel of a guide, for the Studio's preview views. The site renders them with the same
// renderer code as the leaflets and email CLIs, so the editor sees exactly what readers will get.
export const DEFAULT_PREVIEW_URL = 'http://localhost:3000'

/** The site's address from SANITY_STUDIO_PREVIEW_URL (Sanity exposes SANITY_STUDIO_* to the browser), without a trailing slash. */
export function previewUrlFromEnv(value: string | undefined = process.env.SANITY_STUDIO_PREVIEW_URL): string {
  return (value || DEFAULT_PREVIEW_URL).replace(/\/+$/, '')
}

export type PreviewVariant = { label: string; path: (slug: string, lang?: string) => string }

/** English pages live at /guides/<slug>; a translation's at /<code>/guides/<slug> (the site's rule). */
const isTranslation = (lang?: string): lang is string => !!lang && lang !== 'en'
const guidePath = (slug: string) => `/guides/${encodeURIComponent(slug)}`
const pagePath = (slug: string, lang?: string) => (isTranslation(lang) ? `/${encodeURIComponent(lang)}${guidePath(slug)}` : guidePath(slug))
/** The leaflet and email routes take the translation's language as ?lang=. */
const langParam = (lang: string | undefined, joiner: '?' | '&') => (isTranslation(lang) ? `${joiner}lang=${encodeURIComponent(lang)}` : '')

export const webPageVariants: PreviewVariant[] = [{ label: 'Web page', path: pagePath }]

export const leafletVariants: PreviewVariant[] = [
  // view=inline: the site sends the PDF to show in the frame rather than as a download.
  { label: 'Standard', path: (slug, lang) => `${guidePath(slug)}/leaflet.pdf?view=inline${langParam(lang, '&')}` },
  { label: 'Large print', path: (slug, lang) => `${guidePath(slug)}/leaflet-large-print.pdf?view=inline${langParam(lang, '&')}` },
]

export const emailVariants: PreviewVariant[] = [
  { label: 'HTML', path: (slug, lang) => `${guidePath(slug)}/email-preview${langParam(lang, '?')}` },
  { label: 'Plain text', path: (slug, lang) => `${guidePath(slug)}/email-preview.txt${langParam(lang, '?')}` },
]

/** The address the view frames for a guide; `lang` is the guide document's language (a translation's previews are in it). */
export function previewSrc(previewUrl: string, variant: PreviewVariant, slug: string, lang?: string): string {
  return `${previewUrl}${variant.path(slug, lang)}`
}
