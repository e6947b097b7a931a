// The npm scripts themselves: without configuration they stop at once, name the missing variable, and touch no file.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { describe, expect, it } from 'vitest'
import { startFakeLake } from './fakeLake'

const studioDir = fileURLToPath(new URL('..', import.meta.url))

const clean = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SANITY_') && k !== 'SIGNPOST_DATASET'))

function run(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: studioDir, env: { ...clean(), ...env }, encoding: 'utf8' })
}

/** Like run, without blocking this process, so a stand-in server in it can answer the script. */
function runAsync(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: studioDir, env: { ...clean(), ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

describe('content:pull and content:push scripts', () => {
  it('pull exits 1 naming SANITY_PROJECT_ID and leaves the file alone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'signpost-cli-')), 'd.ndjson')
    writeFileSync(file, 'old\n')
    const result = run('scripts/pull.ts', { SIGNPOST_DATASET: file })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('content:pull failed: SANITY_PROJECT_ID is not set.')
    expect(readFileSync(file, 'utf8')).toBe('old\n')
  })

  it('push exits 1 naming SANITY_API_WRITE_TOKEN', () => {
    const result = run('scripts/push.ts', { SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('content:push failed: SANITY_API_WRITE_TOKEN is not set.')
  })

  it('push then pull: the dataset and its logo go into the project and come back beside a new file', async () => {
    const lake = await startFakeLake()
    try {
      const env = { SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production', SANITY_AUTH_TOKEN: 'token', SANITY_API_HOST: lake.url }
      const seed = readSeedDocuments()
      const push = await runAsync('scripts/push.ts', { ...env, SIGNPOST_DATASET: writeDatasetFile(seed) })
      expect(push.stderr).toContain('  Importing documents: 1 of 1')
      expect(push.stdout).toBe(`Imported ${seed.length} documents and 1 asset(s).\n`)
      expect(push.status).toBe(0)

      const target = join(mkdtempSync(join(tmpdir(), 'signpost-cli-')), 'pulled.ndjson')
      const pull = await runAsync('scripts/pull.ts', { ...env, SIGNPOST_DATASET: target })
      expect(pull.stderr).toContain('  Downloading assets... 1 of 1')
      expect(pull.stdout).toMatch(new RegExp(`^Wrote ${seed.length} documents \\(\\d+ bytes\\) and 1 asset file\\(s\\) to ${target}`))
      expect(pull.status).toBe(0)
      expect(existsSync(join(target, '..', 'images', '83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360.png'))).toBe(true)
    } finally {
      await lake.close()
    }
  }, 60_000)
})
