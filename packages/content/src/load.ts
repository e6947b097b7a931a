// Loads and validates all content through one query; the only way apps get content.
import type { Content, Perspective } from './model.js'
import { normalise } from './normalise.js'
import { contentQuery } from './queries.js'
import type { ContentQueryResult } from './sanity.types.js'
import { siteUrlFromEnv, sourceFromEnv } from './sources/fromEnv.js'
import type { ContentSource } from './sources/source.js'

export type LoadOptions = {
  source?: ContentSource
  perspective?: Perspective
  siteUrl?: string
  now?: Date
}

export async function loadContent(options: LoadOptions = {}): Promise<Content> {
  const source = options.source ?? sourceFromEnv()
  const perspective = options.perspective ?? 'published'
  const [result, problems] = await Promise.all([source.fetch<ContentQueryResult>(contentQuery, {}, { perspective }), source.problems()])
  return normalise(result, {
    source: source.description,
    perspective,
    siteUrl: options.siteUrl ?? siteUrlFromEnv(),
    now: options.now,
    problems,
  })
}

/** The line every entry point prints at start, so nobody wonders which content they are looking at. */
export function announceSource(source: ContentSource, log: (line: string) => void = (l) => console.error(l)): void {
  log(`Signpost: reading content from ${source.description}`)
}
