// Test fixtures built from the real embedded dataset, so tests start from the client's own content.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseNdjson, type Document } from '../sources/ndjson.js'
import { defaultDatasetPath } from '../sources/fromEnv.js'

export function readSeedDocuments(file: string = defaultDatasetPath()): Document[] {
  const { documents, problems } = parseNdjson(readFileSync(file, 'utf8'), file)
  if (problems.length) throw new Error(`The seed dataset does not parse: ${problems.map((p) => p.message).join('; ')}`)
  return documents
}

export function toNdjson(documents: unknown[]): string {
  return documents.map((d) => JSON.stringify(d)).join('\n') + '\n'
}

/** Writes documents as an NDJSON dataset in a fresh temp folder and returns its path. */
export function writeDatasetFile(documents: unknown[], name = 'dataset.ndjson'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'signpost-dataset-')), name)
  writeFileSync(file, toNdjson(documents))
  return file
}
