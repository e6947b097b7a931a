// Chooses the content source from the environment: Sanity when SANITY_PROJECT_ID is set, else the embedded file.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { embeddedSource } from './embedded.js'
import { sanitySource } from './sanity.js'
import type { ContentSource } from './source.js'

export const DEFAULT_API_VERSION = '2025-02-19'

/** studio/data/production.ndjson, found from this package wherever the repo was cloned. */
export function defaultDatasetPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'studio', 'data', 'production.ndjson')
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) return resolve('studio/data/production.ndjson')
    dir = parent
  }
}

export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): ContentSource {
  if (env.SANITY_PROJECT_ID) {
    return sanitySource({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET || 'production',
      apiVersion: env.SANITY_API_VERSION || DEFAULT_API_VERSION,
      token: env.SANITY_API_READ_TOKEN || undefined,
      apiHost: env.SANITY_API_HOST || undefined,
    })
  }
  return embeddedSource(resolve(env.SIGNPOST_DATASET || defaultDatasetPath()))
}

export const DEFAULT_SITE_URL = 'http://localhost:3000'

export function siteUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIGNPOST_SITE_URL || DEFAULT_SITE_URL
}
