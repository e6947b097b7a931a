// The embedded dataset: studio/data/*.ndjson queried with groq-js, so a fresh clone needs no account or network.
// The file is re-read when it changes, so an edited file shows up without a rebuild. Images sit beside it in images/,
// as `sanity dataset export` lays them out, and are served to the query as asset documents with file: URLs.
import { readFile, stat } from 'node:fs/promises'
import { evaluate, parse } from 'groq-js'
import type { Problem } from '../model.js'
import { resolveExportAssets } from './exportAssets.js'
import { parseNdjson, type Document } from './ndjson.js'
import { applyPerspective } from './perspective.js'
import type { ContentSource, QueryOptions } from './source.js'

export function embeddedSource(file: string): ContentSource {
  let cache: { mtimeMs: number; size: number; documents: Document[]; problems: Problem[] } | undefined

  async function load() {
    const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
      throw new Error(
        `Cannot read the embedded dataset ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}. Set SIGNPOST_DATASET to an NDJSON export.`,
      )
    })
    if (!cache || cache.mtimeMs !== info.mtimeMs || cache.size !== info.size) {
      const parsed = parseNdjson(await readFile(file, 'utf8'), file)
      const withAssets = await resolveExportAssets(parsed.documents, file)
      cache = { mtimeMs: info.mtimeMs, size: info.size, documents: withAssets.documents, problems: [...parsed.problems, ...withAssets.problems] }
    }
    return cache
  }

  return {
    kind: 'embedded',
    description: `the embedded dataset ${file}`,
    async fetch<T>(query: string, params: Record<string, unknown> = {}, options: QueryOptions = {}): Promise<T> {
      const { documents } = await load()
      const dataset = applyPerspective(documents, options.perspective ?? 'published')
      const result = await evaluate(parse(query, { params }), { dataset, params })
      return (await result.get()) as T
    },
    async problems() {
      return (await load()).problems
    },
  }
}
