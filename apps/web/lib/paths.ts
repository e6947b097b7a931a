// Every page address the site builds, in one place, so links, the sitemap and revalidation agree.
export const paths = {
  home: () => '/',
  guide: (slug: string) => `/guides/${slug}`,
  emailSent: (slug: string) => `/guides/${slug}/email-sent`,
  /** The guide again with the form's problem explained (server-rendered; the guide page itself stays static). */
  emailProblem: (slug: string, code: string) => `/guides/${slug}/email-problem?email=${encodeURIComponent(code)}#email-me`,
  leaflet: (slug: string, format: 'standard' | 'large-print' = 'standard') =>
    `/guides/${slug}/${format === 'large-print' ? 'leaflet-large-print.pdf' : 'leaflet.pdf'}`,
  emailPreview: (slug: string) => `/guides/${slug}/email-preview`,
  organisations: () => '/organisations',
  organisation: (slug: string) => `/organisations/${slug}`,
  search: () => '/search',
} as const
