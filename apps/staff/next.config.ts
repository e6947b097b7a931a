// Next.js configuration for the staff console: the strict headers on every route (lib/securityHeaders.ts), and the
// native and server-only packages kept out of the bundle.
import type { NextConfig } from 'next'
import { consoleHeaders } from './lib/securityHeaders'

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  generateEtags: false,
  serverExternalPackages: [
    'better-sqlite3',
    'pg',
    'umzug',
    'pdfkit',
    'fontkit',
    'openid-client',
    '@signpost/content',
    '@signpost/brand',
    '@signpost/leaflets',
    '@signpost/email',
    '@signpost/outbox',
  ],
  async headers() {
    return [{ source: '/:path*', headers: consoleHeaders() }]
  },
}

export default config
