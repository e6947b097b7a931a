// Where the site serves each channel of a guide, for the Studio's preview views. The site renders them with the same
// renderer code as the leaflets and email CLIs, so the editor sees exactly what readers will get.
export const DEFAULT_PREVIEW_URL = 'http://localhost:3000'

/** The site's address from SANITY_STUDIO_PREVIEW_URL (Sanity exposes SANITY_STUDIO_* to the browser), without a trailing slash. */
export function previewUrlFromEnv(value: string | undefined = process.env.SANITY_STUDIO_PREVIEW_URL): string {
  return (value || DEFAULT_PREVIEW_URL).replace(/\/+$/, '')
}

export type PreviewVariant = { label: string; path: (slug: string) => string }

const guidePath = (slug: string) => `/guides/${encodeURIComponent(slug)}`

export const webPageVariants: PreviewVariant[] = [{ label: 'Web page', path: guidePath }]

export const leafletVariants: PreviewVariant[] = [
  // view=inline: the site sends the PDF to show in the frame rather than as a download.
  { label: 'Standard', path: (slug) => `${guidePath(slug)}/leaflet.pdf?view=inline` },
  { label: 'Large print', path: (slug) => `${guidePath(slug)}/leaflet-large-print.pdf?view=inline` },
]

export const emailVariants: PreviewVariant[] = [
  { label: 'HTML', path: (slug) => `${guidePath(slug)}/email-preview` },
  { label: 'Plain text', path: (slug) => `${guidePath(slug)}/email-preview.txt` },
]

export function previewSrc(previewUrl: string, variant: PreviewVariant, slug: string): string {
  return `${previewUrl}${variant.path(slug)}`
}
