// Imports the embedded dataset into a Content Lake dataset with Sanity's own importer (@sanity/import, what
// `sanity dataset import` runs): documents go in size-limited batches with their references made weak and
// strengthened once every batch is in (so a reference may cross batches), and each image beside the file
// (`_sanityAsset: "image@file://./images/…"`, the export layout) is uploaded and linked. The whole file, and every
// image it names, is checked first: if anything is wrong, nothing is sent.
import { access, readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { SanityClient } from '@sanity/client'
import { sanityImport } from '@sanity/import'
import { parseNdjson, type Document } from '@signpost/content'

export type PushResult = { documents: number; assets: number; warnings: string[] }
export type PushOptions = { onProgress?: (line: string) => void }

export async function readDatasetFile(file: string): Promise<Document[]> {
  const { documents, problems } = parseNdjson(await readFile(file, 'utf8'), file)
  if (problems.length > 0) {
    throw new Error(`${file} has problems, nothing was pushed:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`)
  }
  if (documents.length === 0) throw new Error(`${file} has no documents, nothing was pushed.`)
  return documents
}

const LOCAL_ASSET = /^(image|file)@file:\/\/\.\/(.+)$/

/** Every `_sanityAsset` in the documents, with the document it is in. */
function assetReferences(documents: Document[]): Array<{ documentId: string; value: string }> {
  const found: Array<{ documentId: string; value: string }> = []
  const walk = (documentId: string, value: unknown) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(documentId, v))
    if (!value || typeof value !== 'object') return
    for (const [key, v] of Object.entries(value)) {
      if (key === '_sanityAsset' && typeof v === 'string') found.push({ documentId, value: v })
      else walk(documentId, v)
    }
  }
  for (const doc of documents) walk(doc._id, doc)
  return found
}

/** Refuses, before anything is sent, an asset the importer could not find beside the file. */
async function checkAssetsExist(documents: Document[], folder: string, file: string): Promise<number> {
  const refs = assetReferences(documents)
  const missing: string[] = []
  for (const { documentId, value } of refs) {
    const local = LOCAL_ASSET.exec(value)
    if (!local) continue // image@https://… is fetched by the importer itself
    const path = resolve(folder, decodeURIComponent(local[2]!))
    if (
      !(await access(path).then(
        () => true,
        () => false,
      ))
    )
      missing.push(`  ${documentId}: ${value} (no file ${path})`)
  }
  if (missing.length > 0) throw new Error(`${file} names assets that are not beside it, nothing was pushed:\n${missing.join('\n')}`)
  return new Set(refs.map((r) => r.value)).size
}

/** The asset metadata an export writes beside the data (original file names and the like), if there is any. */
async function readAssetMap(folder: string): Promise<Record<string, never> | undefined> {
  try {
    return JSON.parse(await readFile(resolve(folder, 'assets.json'), 'utf8'))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`${resolve(folder, 'assets.json')} is not readable JSON (${(e as Error).message}); nothing was pushed.`, { cause: e })
  }
}

export async function pushDataset(client: SanityClient, file: string, options: PushOptions = {}): Promise<PushResult> {
  const documents = await readDatasetFile(file)
  const folder = dirname(resolve(file))
  const assets = await checkAssetsExist(documents, folder, file)
  const assetMap = await readAssetMap(folder)
  let lastStep = ''
  const { dataset, projectId } = client.config()
  const result = await sanityImport(documents, {
    client,
    operation: 'createOrReplace',
    assetsBase: folder,
    ...(assetMap ? { assetMap } : {}),
    tag: 'signpost.content-push',
    // One line when a step starts and one when it finishes, not one per batch.
    onProgress: ({ step, current, total }) => {
      const done = total !== undefined && current === total
      if (step !== lastStep || done) options.onProgress?.(total === undefined ? step : `${step}: ${current ?? 0} of ${total}`)
      lastStep = step
    },
  }).catch((error: Error) => {
    throw new Error(
      `Importing into dataset "${dataset}" of project ${projectId} failed while "${lastStep || 'starting'}": ${error.message}. Documents already sent stay in the dataset; push again to finish (documents are replaced by id).`,
      { cause: error },
    )
  })
  return { documents: result.numDocs, assets, warnings: result.warnings.map((w) => w.message) }
}
