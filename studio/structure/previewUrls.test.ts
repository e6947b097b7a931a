// The site's address for previews comes from SANITY_STUDIO_PREVIEW_URL, defaulting to the local site.
import { describe, expect, it } from 'vitest'
import { emailVariants, leafletVariants, previewSrc, previewUrlFromEnv, webPageVariants } from './previewUrls'

describe('preview URLs', () => {
  it('default to http://localhost:3000 and drop a trailing slash', () => {
    expect(previewUrlFromEnv(undefined)).toBe('http://localhost:3000')
    expect(previewUrlFromEnv('https://signpost.example/')).toBe('https://signpost.example')
  })

  it('escape a slug that is not URL-safe', () => {
    expect(previewSrc('http://x', leafletVariants[0]!, 'a b/c')).toBe('http://x/guides/a%20b%2Fc/leaflet.pdf?view=inline')
  })

  it("show a translation's own page, leaflet and email, and English ones for the original", () => {
    const all = [...webPageVariants, ...leafletVariants, ...emailVariants]
    expect(all.map((v) => previewSrc('http://x', v, 'scams', 'ur'))).toEqual([
      'http://x/ur/guides/scams',
      'http://x/guides/scams/leaflet.pdf?view=inline&lang=ur',
      'http://x/guides/scams/leaflet-large-print.pdf?view=inline&lang=ur',
      'http://x/guides/scams/email-preview?lang=ur',
      'http://x/guides/scams/email-preview.txt?lang=ur',
    ])
    expect(all.map((v) => previewSrc('http://x', v, 'scams', 'en'))).toEqual(all.map((v) => previewSrc('http://x', v, 'scams')))
    expect(previewSrc('http://x', emailVariants[0]!, 'scams', 'en')).toBe('http://x/guides/scams/email-preview')
  })
})
