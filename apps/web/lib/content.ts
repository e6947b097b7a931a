// The site's one way to read content: a single source from the environment (announced once), read with
// the published perspective, or with drafts in draft mode.
import { announceSource, loadContent, sourceFromEnv, type Content, type ContentSource } from '@signpost/content'

let source: ContentSource | undefined

export function contentSource(): ContentSource {
  if (!source) {
    source = sourceFromEnv()
    announceSource(source)
  }
  return source
}

export async function getContent(options: { draft?: boolean } = {}): Promise<Content> {
  return loadContent({ source: contentSource(), perspective: options.draft ? 'drafts' : 'published' })
}

/** Page props must be plain JSON: this drops undefined fields the content model leaves optional. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
