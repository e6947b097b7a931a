// Reads what content:pull and content:push need from the environment, and fails fast naming any missing variable,
// before anything touches the network or the dataset file.
import { createClient, type SanityClient } from '@sanity/client'
import { DEFAULT_API_VERSION } from '@signpost/content'

export class MissingConfigError extends Error {
  constructor(
    readonly variable: string,
    why: string,
  ) {
    super(`${variable} is not set. ${why}`)
    this.name = 'MissingConfigError'
  }
}

export type DatasetConfig = { projectId: string; dataset: string; token: string; apiVersion: string; apiHost?: string }

type Env = Record<string, string | undefined>

const value = (env: Env, name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined)

/** What pull and push both read: the project (required), the API version and an optional API host. */
function project(env: Env): Pick<DatasetConfig, 'projectId' | 'apiVersion' | 'apiHost'> {
  const projectId = value(env, 'SANITY_PROJECT_ID')
  if (!projectId) throw new MissingConfigError('SANITY_PROJECT_ID', 'Set it to your Sanity project id (see sanity.io/manage).')
  return { projectId, apiVersion: value(env, 'SANITY_API_VERSION') ?? DEFAULT_API_VERSION, apiHost: value(env, 'SANITY_API_HOST') }
}

/** content:pull reads: a project, a dataset (default production) and a token that may read it. */
export function pullConfig(env: Env = process.env): DatasetConfig {
  const base = project(env)
  const token = value(env, 'SANITY_API_READ_TOKEN') ?? value(env, 'SANITY_AUTH_TOKEN')
  if (!token) {
    throw new MissingConfigError('SANITY_API_READ_TOKEN', 'Exporting a dataset needs a token with read access (or set SANITY_AUTH_TOKEN).')
  }
  return { ...base, dataset: value(env, 'SANITY_DATASET') ?? 'production', token }
}

/** content:push writes, so the dataset must be named explicitly and the token must be allowed to write. */
export function pushConfig(env: Env = process.env): DatasetConfig {
  const base = project(env)
  const dataset = value(env, 'SANITY_DATASET')
  if (!dataset) throw new MissingConfigError('SANITY_DATASET', 'Name the dataset to write to, e.g. production. Pushing replaces its documents.')
  const token = value(env, 'SANITY_API_WRITE_TOKEN') ?? value(env, 'SANITY_AUTH_TOKEN')
  if (!token) {
    throw new MissingConfigError('SANITY_API_WRITE_TOKEN', 'Importing needs a token with write access (or set SANITY_AUTH_TOKEN).')
  }
  return { ...base, dataset, token }
}

/** The official client; SANITY_API_HOST (tests, proxies) replaces https://<project>.api.sanity.io. */
export function clientFor(config: DatasetConfig): SanityClient {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    token: config.token,
    useCdn: false,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  })
}
