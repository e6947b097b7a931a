// Bundles the site's server (server/main.ts: next start behind the request checks of server/guard.ts) into
// dist/server.mjs, so `npm start` runs it with plain node; packages stay in node_modules. Also records which
// content this build embeds (dist/content-stamp.json), so the server can say at start when that has changed.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { contentStamp } from '../../../scripts/content-stamp.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
await build({
  entryPoints: [join(root, 'server/main.ts')],
  outfile: join(root, 'dist/server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
await mkdir(join(root, 'dist'), { recursive: true })
await writeFile(join(root, 'dist/content-stamp.json'), `${JSON.stringify({ stamp: await contentStamp() })}\n`)
