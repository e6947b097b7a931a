// The site's address for previews comes from SANITY_STUDIO_PREVIEW_URL, defaulting to the local site.
import { describe, expect, it } from 'vitest'
import { leafletVariants, previewSrc, previewUrlFromEnv } from './previewUrls'

describe('preview URLs', () => {
  it('default to http://localhost:3000 and drop a trailing slash', () => {
    expect(previewUrlFromEnv(undefined)).toBe('http://localhost:3000')
    expect(previewUrlFromEnv('https://signpost.example/')).toBe('https://signpost.example')
  })

  it('escape a slug that is not URL-safe', () => {
    expect(previewSrc('http://x', leafletVariants[0]!, 'a b/c')).toBe('http://x/guides/a%20b%2Fc/leaflet.pdf?view=inline')
  })
})
