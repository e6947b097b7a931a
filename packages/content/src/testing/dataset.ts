// Test fixtures built from the real embedded dataset, so tests start from the client's own content.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
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

/** Writes documents as an NDJSON dataset in a fresh temp folder, with the seed's images/ beside it (the logo), and returns its path. */
export function writeDatasetFile(documents: unknown[], name = 'dataset.ndjson'): string {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-dataset-'))
  const file = join(folder, name)
  writeFileSync(file, toNdjson(documents))
  const images = join(dirname(defaultDatasetPath()), 'images')
  if (existsSync(images)) cpSync(images, join(folder, 'images'), { recursive: true })
  return file
}
