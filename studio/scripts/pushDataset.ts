// Imports the embedded NDJSON file into a Content Lake dataset with the official client: createOrReplace for every
// document, in transactions, after checking the whole file parses (nothing is sent if any line is bad).
import { readFile } from 'node:fs/promises'
import type { SanityClient } from '@sanity/client'
import { parseNdjson, type Document } from '@signpost/content'

export type PushResult = { documents: number; transactions: number }

export async function readDatasetFile(file: string): Promise<Document[]> {
  const { documents, problems } = parseNdjson(await readFile(file, 'utf8'), file)
  if (problems.length > 0) {
    throw new Error(`${file} has problems, nothing was pushed:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`)
  }
  if (documents.length === 0) throw new Error(`${file} has no documents, nothing was pushed.`)
  return documents
}

/** Large enough that the seed goes in one transaction (references between its documents all resolve together). */
export const DEFAULT_BATCH_SIZE = 500

export async function pushDataset(client: SanityClient, file: string, batchSize = DEFAULT_BATCH_SIZE): Promise<PushResult> {
  const documents = await readDatasetFile(file)
  let transactions = 0
  for (let i = 0; i < documents.length; i += batchSize) {
    const tx = client.transaction()
    for (const doc of documents.slice(i, i + batchSize)) {
      const { _rev: _ignored, ...body } = doc as Document & { _rev?: string }
      tx.createOrReplace(body)
    }
    await tx.commit({ visibility: 'async', tag: 'signpost.content-push' })
    transactions++
  }
  return { documents: documents.length, transactions }
}
