#!/usr/bin/env node
// Part of `npm test`: runs `sanity schema extract` and `sanity typegen generate` (offline) and fails if the checked-in
// schema.json or packages/content/src/sanity.types.ts were not what they produce, so the query types never go stale.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const files = ['../schema.json', '../../packages/content/src/sanity.types.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)))
const read = () => files.map((f) => readFileSync(f, 'utf8'))
const before = read()
const run = spawnSync('npm', ['run', 'typegen'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' })
if (run.status !== 0) process.exit(run.status ?? 1)
const stale = read()
  .map((text, i) => (text === before[i] ? undefined : files[i]))
  .filter(Boolean)
if (stale.length) {
  console.error(`Typegen output was out of date and has been regenerated: ${stale.join(', ')}. Commit the updated files.`)
  process.exit(1)
}
console.error('Typegen output is up to date.')
