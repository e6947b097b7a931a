#!/usr/bin/env node
// Runs a command (the build) with SIGNPOST_CONTENT_STAMP set to a hash of the content the site's build embeds.
// Turbo hashes SIGNPOST_* variables, so a dataset file outside the repository that is edited in place (same
// SIGNPOST_DATASET path, new text) still makes the web build run again instead of replaying a stale cached one.
// Files inside the repository (studio/data/**) are inputs of the web build already; this covers every path.
//   node scripts/with-content-stamp.mjs turbo run build --filter=@signpost/web...
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Every file under dir (an export's images/ and files/ beside the NDJSON), sorted, or none. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)).sort()
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    console.error('Usage: node scripts/with-content-stamp.mjs <command> [args…]')
    process.exit(2)
  }
  const env = { ...process.env, SIGNPOST_CONTENT_STAMP: await contentStamp() }
  const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
