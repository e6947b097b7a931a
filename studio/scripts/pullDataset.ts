// Exports a Content Lake dataset into the embedded dataset with Sanity's own exporter (@sanity/export, what
// `sanity dataset export` runs): documents as NDJSON, each image downloaded into images/ beside the file and referred
// to as `_sanityAsset: "image@file://./images/<sha1>-<w>x<h>.<ext>"`, asset metadata in assets.json, so the folder is
// what `sanity dataset import` reads. The export is unpacked in a folder beside the target and moves into place
// only once it is whole, parses, and has every image it names: a failed pull leaves the old file as it was.
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { SanityClient } from '@sanity/client'
import { exportDataset } from '@sanity/export'
import { parseNdjson } from '@signpost/content'
import { extract } from 'tar'

/** A problem pullDataset found itself (its message is already plain); anything else is a broken download. */
class PullError extends Error {}

export type PullResult = { file: string; documents: number; assets: number; dropped: number; bytes: number }
export type PullOptions = {
  onProgress?: (line: string) => void
  /** Pause between retries of a failed download (tests make it short). */
  retryDelayMs?: number
}

/** System documents (_.groups…) and release versions belong to the Lake, not to the embedded file. */
export function keepDocument(doc: { _id?: unknown; _type?: unknown }): boolean {
  const id = String(doc._id ?? '')
  const type = String(doc._type ?? '')
  return !(type.startsWith('sanity.') || type.startsWith('system.') || id.startsWith('_.') || id.startsWith('versions.'))
}

const EXPORTED_ASSET = /^(image|file)@file:\/\/\.\/((images|files)\/[^/]+)$/

function assetPaths(text: string): Set<string> {
  const paths = new Set<string>()
  for (const m of text.matchAll(/"_sanityAsset":"([^"]+)"/g)) {
    const local = EXPORTED_ASSET.exec(m[1]!)
    if (local) paths.add(local[2]!)
  }
  return paths
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Replaces the images/ and files/ beside the target with the export's, keeping files that are already there. */
async function installAssets(from: string, folder: string, wanted: Set<string>): Promise<void> {
  for (const sub of ['images', 'files']) {
    const names = new Set([...wanted].filter((p) => p.startsWith(`${sub}/`)).map((p) => basename(p)))
    const dir = join(folder, sub)
    if (names.size > 0) await mkdir(dir, { recursive: true })
    for (const name of names) {
      // Export names are content hashes, so a file already there with the same name has the same bytes.
      if (!(await exists(join(dir, name)))) await copyFile(join(from, sub, name), join(dir, name))
    }
  }
}

/** After the new file is in place: images the export laid out before but the new file no longer names. */
async function removeStaleAssets(folder: string, wanted: Set<string>): Promise<void> {
  for (const sub of ['images', 'files']) {
    const dir = join(folder, sub)
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(name) && !wanted.has(`${sub}/${name}`)) await rm(join(dir, name))
    }
    if (names.length > 0 && (await readdir(dir)).length === 0) await rm(dir, { recursive: true })
  }
}

/** The exporter's own error, in words: the Lake's JSON error body, a cut connection, a line that is not JSON. */
export function plainExportError(raw: string): string {
  const message = raw.replace(/^Export: /, '')
  if (/^(aborted|socket hang up)$|ECONNRESET/.test(message)) return `the connection was cut before the export was complete (${message}).`
  if (/ in JSON at position \d+/.test(message) || /^Unexpected (token|end of JSON)/.test(message)) {
    return `a line of the export is not JSON, so the download was cut short or corrupted (${message.slice(0, 200)}).`
  }
  try {
    const body = JSON.parse(message) as { error?: unknown; message?: unknown }
    const what = [body.error, body.message].filter((v): v is string => typeof v === 'string').join(': ')
    if (what)
      return /unauthori[sz]ed|forbidden|session not found/i.test(what)
        ? `the Lake refused the token (${what}). Check that the token may read this dataset.`
        : `the Lake answered "${what}".`
  } catch {
    // not a JSON body: the message as it came
  }
  return message
}

export async function pullDataset(client: SanityClient, target: string, options: PullOptions = {}): Promise<PullResult> {
  const { dataset } = client.config()
  if (!dataset) throw new Error('The Sanity client has no dataset.')
  const folder = dirname(resolve(target))
  const work = await mkdtemp(join(folder, `.${basename(target)}.pull-`))
  try {
    let dropped = 0
    let lastStep = ''
    const archive = join(work, 'export.tar.gz')
    try {
      await exportDataset({
        client,
        dataset,
        outputPath: archive,
        assets: true,
        drafts: true,
        assetsMap: true,
        compress: false,
        ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
        filterDocument: (doc) => {
          const keep = keepDocument(doc)
          if (!keep) dropped++
          return keep
        },
        onProgress: ({ step, current, total }) => {
          const done = typeof total === 'number' && current === total
          if (step !== lastStep || done) options.onProgress?.(typeof total === 'number' ? `${step} ${current ?? 0} of ${total}` : step)
          lastStep = step
        },
      })
    } catch (error) {
      throw new PullError(`Exporting dataset "${dataset}" failed: ${plainExportError((error as Error).message)}`)
    }
    const unpacked = join(work, 'unpacked')
    await mkdir(unpacked)
    await extract({ file: archive, cwd: unpacked, strip: 1 })
    const text = await readFile(join(unpacked, 'data.ndjson'), 'utf8').catch(() => {
      throw new PullError(`The export of dataset "${dataset}" has no data.ndjson in it.`)
    })
    const { documents, problems } = parseNdjson(text, 'the export')
    if (problems.length > 0) throw new PullError(`Line ${problems[0]!.line} of the export is not a document: ${problems[0]!.message}`)
    if (documents.length === 0) throw new PullError(`Dataset "${dataset}" exported no documents; keeping the existing file.`)
    const wanted = assetPaths(text)
    for (const path of wanted) {
      if (!(await exists(join(unpacked, path)))) throw new PullError(`The export names ${path} but the file did not arrive; keeping the existing file.`)
    }

    await installAssets(unpacked, folder, wanted)
    const assetMap = await readFile(join(unpacked, 'assets.json'), 'utf8').catch(() => '{}')
    const assetsJson = join(folder, 'assets.json')
    if (Object.keys(JSON.parse(assetMap) as object).length > 0) await writeFile(assetsJson, assetMap)
    else await rm(assetsJson, { force: true })
    await rename(join(unpacked, 'data.ndjson'), target)
    await removeStaleAssets(folder, wanted)
    return { file: target, documents: documents.length, assets: wanted.size, dropped, bytes: Buffer.byteLength(text) }
  } catch (error) {
    if (error instanceof PullError) throw error
    throw new Error(`The export of dataset "${dataset}" stopped before the end (${(error as Error).message}).`, { cause: error })
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
