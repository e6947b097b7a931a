// The Sanity Content Lake through the official client; the same GROQ as the embedded source.
import { createClient, type SanityClient } from '@sanity/client'
import type { ContentSource, QueryOptions } from './source.js'

export type SanitySourceConfig = {
  projectId: string
  dataset: string
  apiVersion: string
  token?: string
  /** Override the API host, e.g. a local server in tests or an offline mirror (then without project subdomain). */
  apiHost?: string
  useCdn?: boolean
}

export function sanitySource(config: SanitySourceConfig): ContentSource {
  const client: SanityClient = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    token: config.token,
    apiHost: config.apiHost,
    useProjectHostname: config.apiHost ? false : true,
    useCdn: config.useCdn ?? false,
    perspective: 'published',
  })
  return {
    kind: 'sanity',
    description: `the Sanity project ${config.projectId}, dataset ${config.dataset}`,
    async fetch<T>(query: string, params: Record<string, unknown> = {}, options: QueryOptions = {}): Promise<T> {
      const perspective = options.perspective ?? 'published'
      if (perspective === 'drafts' && !config.token) {
        throw new Error('Draft preview needs SANITY_API_READ_TOKEN: drafts are private.')
      }
      return client.fetch<T>(query, params, { perspective, useCdn: perspective === 'published' && (config.useCdn ?? false) })
    },
    async problems() {
      return []
    },
  }
}
