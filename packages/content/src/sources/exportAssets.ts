// Assets in the embedded dataset, laid out as `sanity dataset export` writes them: the image files sit in images/
// beside the NDJSON file and a document refers to one with `_sanityAsset: "image@file://./images/<name>"` in place of
// `asset: { _ref }`. The Content Lake would hold a sanity.imageAsset document instead; this makes that document from
// the file (id, file: url, type, size) and points the field at it, so the same GROQ (`asset->url`) works on both.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Problem } from '../model.js'
import { formatPath } from '../problems.js'
import { imageInfo } from './imageInfo.js'
import type { Document } from './ndjson.js'

const ASSET_KEY = '_sanityAsset'
const LOCAL_ASSET = /^(image|file)@file:\/\/\.\/(.+)$/

type Found = { doc: Document; path: Array<string | number>; holder: Record<string, unknown> }

function findAssetFields(doc: Document): Found[] {
  const found: Found[] = []
  const walk = (value: unknown, path: Array<string | number>) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]))
    if (!value || typeof value !== 'object') return
    const holder = value as Record<string, unknown>
    if (typeof holder[ASSET_KEY] === 'string') found.push({ doc, path, holder })
    for (const [key, v] of Object.entries(holder)) if (key !== ASSET_KEY) walk(v, [...path, key])
  }
  walk(doc, [])
  return found
}

async function assetDocument(kind: 'image' | 'file', file: string): Promise<Document> {
  const bytes = await readFile(file)
  const sha1 = createHash('sha1').update(bytes).digest('hex')
  const info = imageInfo(bytes)
  const base = {
    _type: `sanity.${kind}Asset`,
    url: pathToFileURL(file).href,
    mimeType: info.mimeType,
    extension: info.extension,
    size: bytes.length,
    sha1hash: sha1,
  }
  if (kind === 'file') return { _id: `file-${sha1}-${info.extension}`, ...base }
  const { width, height } = info
  const size = width && height ? `-${width}x${height}` : ''
  return {
    _id: `image-${sha1}${size}-${info.extension}`,
    ...base,
    metadata:
      width && height
        ? { _type: 'sanity.imageMetadata', dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height } }
        : undefined,
  }
}

/** Documents with every local `_sanityAsset` turned into a reference to an asset document made from the file. */
export async function resolveExportAssets(documents: Document[], datasetFile: string): Promise<{ documents: Document[]; problems: Problem[] }> {
  const folder = dirname(resolve(datasetFile))
  const problems: Problem[] = []
  const assets = new Map<string, Document>()
  const out: Document[] = []
  for (const original of documents) {
    const fields = findAssetFields(original)
    if (fields.length === 0) {
      out.push(original)
      continue
    }
    const doc = structuredClone(original)
    for (const { path } of fields) {
      let holder: unknown = doc
      for (const part of path) holder = (holder as Record<string | number, unknown>)[part]
      const field = holder as Record<string, unknown>
      const value = String(field[ASSET_KEY])
      delete field[ASSET_KEY]
      const warn = (message: string) => problems.push({ severity: 'warning', documentId: doc._id, path: formatPath(path), message })
      const match = LOCAL_ASSET.exec(value)
      if (!match) {
        warn(`The embedded dataset can only use files stored beside it (like image@file://./images/logo.png); "${value}" is not one, so it is left out.`)
        continue
      }
      const file = resolve(folder, decodeURIComponent(match[2]!))
      if (relative(folder, file).startsWith(`..${sep}`) || relative(folder, file) === '..') {
        warn(`"${value}" points outside the dataset's folder ${folder}, so it is left out.`)
        continue
      }
      let asset: Document
      try {
        asset = assets.get(file) ?? (await assetDocument(match[1] as 'image' | 'file', file))
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        warn(
          `The ${match[1]} ${match[2]} is not beside the dataset (looked for ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}), so it is left out. Copy the images/ folder with the dataset file.`,
        )
        continue
      }
      assets.set(file, asset)
      field.asset = { _type: 'reference', _ref: asset._id }
    }
    out.push(doc)
  }
  return { documents: [...out, ...assets.values()], problems }
}
