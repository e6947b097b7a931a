// The Studio runs in the browser: its code may import @signpost/content/rules (pure) but never '@signpost/content',
// whose loaders need Node (node:crypto, node:fs). `sanity build` fails on it; this says which file, without a build.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))
const browserCode = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return ['node_modules', 'dist', 'scripts', 'data', '.sanity'].includes(e.name) ? [] : browserCode(path)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && e.name !== 'testWorkspace.ts' && e.name !== 'sanity.cli.ts' ? [path] : []
  })

it('imports only the browser-safe door of @signpost/content', () => {
  const offenders = browserCode(root).filter((file) => /from '@signpost\/content'/.test(readFileSync(file, 'utf8')))
  expect(offenders.map((f) => relative(root, f))).toEqual([])
})
