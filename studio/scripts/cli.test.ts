// The npm scripts themselves: without configuration they stop at once, name the missing variable, and touch no file.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const studioDir = fileURLToPath(new URL('..', import.meta.url))

function run(script: string, env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SANITY_') && k !== 'SIGNPOST_DATASET'))
  return spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: studioDir, env: { ...clean, ...env }, encoding: 'utf8' })
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
})
