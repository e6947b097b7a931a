// `npm run content:check` as an editor or CI runs it: the built CLI on a real file.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { readSeedDocuments, writeDatasetFile } from '../testing/dataset.js'

const cli = fileURLToPath(new URL('../../dist/cli/check.js', import.meta.url))
const run = (dataset: string) => spawnSync(process.execPath, [cli], { env: { ...process.env, SIGNPOST_DATASET: dataset, SANITY_PROJECT_ID: '' }, encoding: 'utf8' })

test('the shipped dataset passes with a summary', () => {
  const r = run(writeDatasetFile(readSeedDocuments()))
  expect(r.status).toBe(0)
  expect(r.stdout).toMatch(/Content OK: 1 guide, 6 organisations, 1 area, \d+ reviews? overdue, \d+ warnings?\./)
  expect(r.stderr).toMatch(/reading content from the embedded dataset/)
})

test('removing Action Fraud fails, naming the guide and the field that points at it', () => {
  const r = run(writeDatasetFile(readSeedDocuments().filter((d) => d._id !== 'organisation.action-fraud')))
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('error guide.cyber-crime-and-fraud organisations[1]: Points to organisation "organisation.action-fraud"')
  expect(r.stderr).toContain('error guide.cyber-crime-and-fraud steps[0].organisation')
  expect(r.stderr).toMatch(/Content check failed: 2 errors\./)
})
