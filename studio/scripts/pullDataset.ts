// Exports a Content Lake dataset into the embedded NDJSON file. It downloads to a temporary file beside the target and
// renames it over the target only once the whole export has arrived and parsed, so a failed pull leaves the old file.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { createInterface } from 'node:readline'
import type { SanityClient } from '@sanity/client'

/** A problem pullDataset found itself (its message is already plain); anything else is a broken download. */
class PullError extends Error {}

export type PullResult = { file: string; documents: number; dropped: number; bytes: number }

/** Asset documents, system documents (_.groups…) and release versions belong to the Lake, not to the embedded file. */
export function keepDocument(doc: { _id?: unknown; _type?: unknown }): boolean {
  const id = String(doc._id ?? '')
  const type = String(doc._type ?? '')
  return !(type.startsWith('sanity.') || type.startsWith('system.') || id.startsWith('_.') || id.startsWith('versions.'))
}

export async function pullDataset(client: SanityClient, target: string): Promise<PullResult> {
  const { dataset, token } = client.config()
  if (!dataset) throw new Error('The Sanity client has no dataset.')
  const url = client.getUrl(`/data/export/${encodeURIComponent(dataset)}`)
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  if (!response.ok || !response.body) {
    const body = await response.text().catch(() => '')
    throw new Error(`Exporting dataset "${dataset}" failed: HTTP ${response.status} ${response.statusText}. ${body.slice(0, 300)}`.trim())
  }

  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`)
  const out = createWriteStream(temp)
  let documents = 0
  let dropped = 0
  let bytes = 0
  try {
    const lines = createInterface({ input: Readable.fromWeb(response.body as never), crlfDelay: Infinity })
    let lineNumber = 0
    for await (const line of lines) {
      lineNumber++
      if (line.trim() === '') continue
      let doc: { _id?: unknown; _type?: unknown; error?: unknown }
      try {
        doc = JSON.parse(line)
      } catch {
        throw new PullError(`Line ${lineNumber} of the export is not JSON: the download was cut short or corrupted.`)
      }
      if (typeof doc._id !== 'string' || typeof doc._type !== 'string') {
        throw new PullError(`Line ${lineNumber} of the export is not a document${doc.error ? ` (${JSON.stringify(doc.error)})` : ''}.`)
      }
      if (!keepDocument(doc)) {
        dropped++
        continue
      }
      const text = `${line}\n`
      bytes += Buffer.byteLength(text)
      documents++
      if (!out.write(text)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    if (documents === 0) throw new PullError(`Dataset "${dataset}" exported no documents; keeping the existing file.`)
    await rename(temp, target)
    return { file: target, documents, dropped, bytes }
  } catch (error) {
    out.destroy()
    await rm(temp, { force: true })
    if (error instanceof PullError) throw error
    throw new Error(`The export of dataset "${dataset}" stopped before the end (${(error as Error).message}).`, { cause: error })
  }
}
