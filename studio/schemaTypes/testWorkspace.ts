// Test helper: the real Studio workspace from sanity.config.ts, with its client pointed at a local stand-in for the
// Content Lake (so Sanity's own slug-uniqueness check runs against real documents), and Sanity's validateDocument.
import { createClient } from '@sanity/client'
import { DEFAULT_API_VERSION } from '@signpost/content'
import { readSeedDocuments, startSanityApiServer, type SanityApiServer } from '@signpost/content/testing'
import { createWorkspaceFromConfig, validateDocument, type SanityDocument, type ValidationMarker, type Workspace } from 'sanity'
import config from '../sanity.config'

export type TestStudio = {
  workspace: Workspace
  server: SanityApiServer
  /**
   * Validates as the Studio does ('studio', the default). 'cli' adds Sanity's unknown-field warnings, but also turns
   * every other problem on an object-typed field (a slug) into a warning, so use it only to look for unknown fields.
   */
  validate(document: Record<string, unknown>, environment?: 'studio' | 'cli'): Promise<ValidationMarker[]>
  close(): Promise<void>
}

export async function startTestStudio(documents = readSeedDocuments()): Promise<TestStudio> {
  const server = await startSanityApiServer(documents)
  const client = createClient({
    projectId: 'signpost',
    dataset: 'production',
    apiVersion: DEFAULT_API_VERSION,
    useCdn: false,
    apiHost: server.url,
    useProjectHostname: false,
  })
  const single = Array.isArray(config) ? config[0] : config
  const workspace = await createWorkspaceFromConfig({
    ...single,
    currentUser: { id: 'editor', name: 'Editor', email: 'editor@example.org', role: 'administrator', roles: [] },
    getClient: () => client,
  })
  return {
    workspace,
    server,
    validate: (document, environment = 'studio') =>
      validateDocument({
        document: document as SanityDocument,
        workspace,
        getClient: () => client,
        getDocumentExists: async () => true,
        environment,
      }),
    close: () => server.close(),
  }
}

/** Markers as "path: message" lines, easy to assert on and to read in a failure. */
export function describeMarkers(markers: ValidationMarker[], level?: 'error' | 'warning'): string[] {
  return markers
    .filter((m) => (level ? m.level === level : true))
    .map((m) => `${m.path.map((p) => (typeof p === 'object' && p && '_key' in p ? `[${p._key}]` : String(p))).join('.')}: ${m.message}`)
}
