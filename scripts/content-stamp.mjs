// The content stamp: a hash of the content a site build embeds (the dataset file the build reads, with the images/
// and files/ an export keeps beside it), or the Sanity project and dataset it reads. Used by with-content-stamp.mjs
// (turbo hashes it as SIGNPOST_CONTENT_STAMP) and by the site's server, which compares it with the build's at start.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Every file under dir (an export's images/ and files/ beside the NDJSON), sorted, or none. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort()
}

export async function contentStamp(env = process.env) {
  if (env.SANITY_PROJECT_ID) {
    // Content Lake content cannot be hashed here; SANITY_* are build inputs and the webhook keeps pages current.
    return `sanity:${env.SANITY_PROJECT_ID}/${env.SANITY_DATASET || 'production'}`
  }
  // Resolved as the web build resolves it: relative paths from apps/web, where turbo runs the build.
  const file = resolve(root, 'apps/web', env.SIGNPOST_DATASET || join(root, 'studio/data/production.ndjson'))
  const hash = createHash('sha256')
  for (const path of [file, ...(await filesUnder(join(dirname(file), 'images'))), ...(await filesUnder(join(dirname(file), 'files')))]) {
    const bytes = await readFile(path).catch(() => null)
    hash.update(`${path}\0${bytes ? bytes.length : 'missing'}\0`)
    if (bytes) hash.update(bytes)
  }
  return `sha256:${hash.digest('hex')}`
}
