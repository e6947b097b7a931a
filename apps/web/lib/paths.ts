// Every page address the site builds, in one place, so links, the sitemap and revalidation agree.
// The default language (English) keeps the addresses it always had; another language puts its code first:
// /ur/guides/<slug>, and /ur alone is the list of guides in Urdu.
import { DEFAULT_LANGUAGE } from '@signpost/content/rules'

/** "" for the default language, else "/<code>". */
const prefix = (lang?: string) => (!lang || lang === DEFAULT_LANGUAGE ? '' : `/${lang}`)

export const paths = {
  home: (lang?: string) => prefix(lang) || '/',
  guide: (slug: string, lang?: string) => `${prefix(lang)}/guides/${slug}`,
  emailSent: (slug: string, lang?: string) => `${prefix(lang)}/guides/${slug}/email-sent`,
  /** The guide again with the form's problem explained (server-rendered; the guide page itself stays static). */
  emailProblem: (slug: string, code: string, lang?: string) => `${prefix(lang)}/guides/${slug}/email-problem?email=${encodeURIComponent(code)}#email-me`,
  /** The leaflet in the guide's language (the language rides in the query: one rewrite serves every language). */
  leaflet: (slug: string, format: 'standard' | 'large-print' = 'standard', lang?: string) =>
    `/guides/${slug}/${format === 'large-print' ? 'leaflet-large-print.pdf' : 'leaflet.pdf'}${prefix(lang) ? `?lang=${lang}` : ''}`,
  emailPreview: (slug: string) => `/guides/${slug}/email-preview`,
  organisations: () => '/organisations',
  organisation: (slug: string) => `/organisations/${slug}`,
  search: (lang?: string) => `${prefix(lang)}/search`,
} as const
