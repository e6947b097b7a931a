// Bundles the site's server (server/main.ts: next start behind the request checks of server/guard.ts) into
// dist/server.mjs, so `npm start` runs it with plain node, and the shared cache handler (server/cacheHandler.ts)
// into dist/cache-handler.mjs; packages stay in node_modules. Also records which content this build embeds
// (dist/content-stamp.json), so the server can say at start when that has changed.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { contentStamp } from '../../../scripts/content-stamp.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' }
await build({ ...common, entryPoints: [join(root, 'server/main.ts')], outfile: join(root, 'dist/server.mjs') })
// The cacheHandler Next loads by path when SIGNPOST_CACHE_URL is set (several instances sharing pages: lib/cacheConfig.ts).
await build({ ...common, entryPoints: [join(root, 'server/cacheHandler.ts')], outfile: join(root, 'dist/cache-handler.mjs') })
await mkdir(join(root, 'dist'), { recursive: true })
await writeFile(join(root, 'dist/content-stamp.json'), `${JSON.stringify({ stamp: await contentStamp() })}\n`)
