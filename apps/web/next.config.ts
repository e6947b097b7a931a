// Next.js configuration: safety headers on every route, the Studio-framable preview routes, the addresses
// served by API routes (PDFs, email previews, sitemap, robots), and native packages kept out of the bundle. With
// SIGNPOST_CACHE_URL, the running server's page cache is the PostgreSQL one every instance shares (lib/cacheConfig.ts).
import type { NextConfig } from 'next'
import { buildIdFromEnv, sharedCacheConfig } from './lib/cacheConfig'
import { DRAFT_MODE_COOKIE, framableHeaders, securityHeaders } from './lib/securityHeaders'

const config: NextConfig = {
  // Instances built on several machines share cached pages only with the same build id: SIGNPOST_BUILD_ID sets it
  // (for instance the commit and content stamp); otherwise Next makes a new one each build (docs/deploying.md).
  generateBuildId: async () => buildIdFromEnv() ?? null,
  poweredByHeader: false,
  reactStrictMode: true,
  generateEtags: false,
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'fontkit', '@signpost/content', '@signpost/brand', '@signpost/leaflets', '@signpost/email'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders() },
      { source: '/guides/:slug/:file(leaflet\\.pdf|leaflet-large-print\\.pdf|email-preview|email-preview\\.txt)', headers: framableHeaders() },
      // In draft mode (only reachable with the preview secret) the Studio may frame any page, for its "Web page" view.
      { source: '/:path*', has: [{ type: 'cookie', key: DRAFT_MODE_COOKIE }], headers: framableHeaders() },
    ]
  },
  async rewrites() {
    // afterFiles, not beforeFiles: a rewrite checked before the file system costs every page request
    // (a query-conditional one cut next start's requests per second by about a third).
    return [
      { source: '/guides/:slug/leaflet.pdf', destination: '/api/leaflet?slug=:slug&format=standard' },
      { source: '/guides/:slug/leaflet-large-print.pdf', destination: '/api/leaflet?slug=:slug&format=large-print' },
      { source: '/guides/:slug/email-preview', destination: '/api/email-preview?slug=:slug&format=html' },
      { source: '/guides/:slug/email-preview.txt', destination: '/api/email-preview?slug=:slug&format=text' },
      { source: '/sitemap.xml', destination: '/api/sitemap' },
      { source: '/robots.txt', destination: '/api/robots' },
    ]
  },
}

export default function nextConfig(phase: string): NextConfig {
  return { ...config, ...sharedCacheConfig(phase) }
}
