// The two leaflet formats and their file names, in one place so the CLI, the site and the email agree.
import { printType } from '@signpost/brand'

export type LeafletFormat = 'standard' | 'large-print'
export const LEAFLET_FORMATS: readonly LeafletFormat[] = ['standard', 'large-print']

export type TypeScale = { body: number; small: number; h1: number; h2: number; h3: number; phone: number; lineGap: number }

/** Type sizes in points, from the brand's print scale; h3 (organisation names) sits between body and h2. */
export function typeScale(format: LeafletFormat): TypeScale {
  const t = printType[format]
  return { ...t, h3: Math.round((t.body + t.h2) / 2) }
}

export function isLeafletFormat(value: unknown): value is LeafletFormat {
  return typeof value === 'string' && (LEAFLET_FORMATS as readonly string[]).includes(value)
}

/**
 * `cyber-crime-and-fraud.pdf` or `cyber-crime-and-fraud-large-print.pdf` in English; another language's code
 * follows the slug: `cyber-crime-and-fraud-ur.pdf`, `cyber-crime-and-fraud-ur-large-print.pdf`.
 */
export function leafletFileName(slug: string, format: LeafletFormat = 'standard', lang = 'en'): string {
  const base = lang === 'en' ? slug : `${slug}-${lang}`
  return format === 'standard' ? `${base}.pdf` : `${base}-large-print.pdf`
}

/** The file name for a guide view's leaflet, in the view's language: what the site and email attachments use. */
export function leafletFileNameFor(view: { guide: { slug: string; language: string } }, format: LeafletFormat = 'standard'): string {
  return leafletFileName(view.guide.slug, format, view.guide.language)
}
