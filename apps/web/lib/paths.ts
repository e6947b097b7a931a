// Every page address the site builds, in one place, so links, the sitemap and revalidation agree.
export const paths = {
  home: () => '/',
  guide: (slug: string) => `/guides/${slug}`,
  emailSent: (slug: string) => `/guides/${slug}/email-sent`,
  leaflet: (slug: string, format: 'standard' | 'large-print' = 'standard') =>
    `/guides/${slug}/${format === 'large-print' ? 'leaflet-large-print.pdf' : 'leaflet.pdf'}`,
  emailPreview: (slug: string) => `/guides/${slug}/email-preview`,
  organisations: () => '/organisations',
  organisation: (slug: string) => `/organisations/${slug}`,
  search: () => '/search',
} as const
