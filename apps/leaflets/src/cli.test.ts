// Runs the built CLI (dist/cli.js) as a user would, on temp folders. `npm test` builds first (turbo).
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { openPdf, pageTexts } from './testing/pdf.js'

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js')

type Run = { code: number; stdout: string; stderr: string }
/** Runs the CLI with a public site address unless `env` says otherwise (an undefined value removes a variable). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const base = { ...process.env, SIGNPOST_SITE_URL: 'https://victimservices.example.org', NODE_ENV: 'test' }
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signpost-leaflets-cli-'))
})

describe('signpost-leaflets build', () => {
  it('writes the leaflet, announces the content source, and gives the same bytes each time', async () => {
    const out = join(dir, 'build')
    const first = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--out', out])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/^Signpost: reading content from the embedded dataset /)
    expect(await readdir(out)).toEqual([`${SEED_GUIDE}.pdf`])
    const bytes = await readFile(join(out, `${SEED_GUIDE}.pdf`))
    const pages = await pageTexts(await openPdf(bytes))
    expect(pages[0]).toContain('Cyber Crime and Fraud')

    const again = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--out', out])
    expect(again.code).toBe(0)
    expect((await readFile(join(out, `${SEED_GUIDE}.pdf`))).equals(bytes)).toBe(true)

    const large = await run(['build', '--guide', 'all', '--area', SEED_AREA, '--format', 'large-print', '--out', out])
    expect(large.code, large.stderr).toBe(0)
    expect((await readdir(out)).sort()).toEqual([`${SEED_GUIDE}-large-print.pdf`, `${SEED_GUIDE}.pdf`])
  })

  it('rejects an unknown guide or area, listing the valid ones', async () => {
    const guide = await run(['build', '--guide', 'no-such-guide', '--area', SEED_AREA, '--out', join(dir, 'bad')])
    expect(guide.code).not.toBe(0)
    expect(guide.stderr).toContain('Unknown guide "no-such-guide". Valid guides: cyber-crime-and-fraud.')
    const area = await run(['build', '--guide', SEED_GUIDE, '--area', 'atlantis', '--out', join(dir, 'bad')])
    expect(area.code).not.toBe(0)
    expect(area.stderr).toContain('Unknown area "atlantis". Valid areas: derbyshire.')
    const format = await run(['build', '--guide', SEED_GUIDE, '--format', 'tiny', '--out', join(dir, 'bad')])
    expect(format.code).not.toBe(0)
    expect(format.stderr).toContain('standard or large-print')
  })
})

describe('signpost-leaflets pack', () => {
  it('writes a pack of every guide in the area, with a summary', async () => {
    const dataset = await writeDataset([
      { slug: 'second-guide', title: 'Second guide' },
      { slug: 'third-guide', title: 'Third guide' },
    ])
    const out = join(dir, 'packs', 'station.pdf')
    const r = await run(['pack', '--area', SEED_AREA, '--copies', '2', '--guides', `${SEED_GUIDE},third-guide`, '--out', out], { SIGNPOST_DATASET: dataset })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain(`reading content from the embedded dataset ${dataset}`)
    expect(r.stderr).toMatch(/Pack: \d+\/\d+ pages/) // plain progress lines: stderr is not a terminal here
    expect(r.stderr).toMatch(/Packed 4 leaflets \(2 guides × 2\) for Derbyshire: \d+ pages .*, \d+ KB, in [\d.]+ s\./)
    const pages = await pageTexts(await openPdf(await readFile(out)))
    expect(pages[0]).toContain('Third guide')
    expect(pages[0]).not.toContain('Second guide')
    expect((await readdir(dirname(out))).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('rejects a bad number of copies', async () => {
    for (const copies of ['0', '501', '2.5', 'two', '-1']) {
      const out = join(dir, `copies-${copies}.pdf`)
      const r = await run(['pack', '--area', SEED_AREA, '--copies', copies, '--out', out])
      expect(r.code, copies).not.toBe(0)
      expect(r.stderr).toContain('must be a whole number from 1 to 500')
    }
    expect((await readdir(dir)).filter((f) => f.startsWith('copies-'))).toEqual([])
  })

  it('rejects an unknown guide in --guides', async () => {
    const r = await run(['pack', '--area', SEED_AREA, '--copies', '1', '--guides', 'nope', '--out', join(dir, 'nope.pdf')])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('Valid guides: cyber-crime-and-fraud')
  })

  it('fails clearly on an output that cannot be written, leaving no file behind', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, 'not a folder')
    const r = await run(['pack', '--area', SEED_AREA, '--copies', '1', '--out', join(blocker, 'pack.pdf')])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain(`Cannot write ${blocker}`)
    const folder = join(dir, 'is-a-folder.pdf')
    await run(['build', '--guide', SEED_GUIDE, '--out', folder])
    const r2 = await run(['pack', '--area', SEED_AREA, '--copies', '1', '--out', folder])
    expect(r2.code).not.toBe(0)
    expect(r2.stderr).toContain('it is a folder')
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(await readFile(blocker, 'utf8')).toBe('not a folder')
  })
})

describe('an address readers cannot reach', () => {
  const commands: Array<[string, (out: string) => string[]]> = [
    ['build', (out) => ['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--out', out]],
    ['pack', (out) => ['pack', '--area', SEED_AREA, '--copies', '1', '--out', join(out, 'pack.pdf')]],
  ]

  it.each(commands)('%s says first when SIGNPOST_SITE_URL is unset or points at localhost, and still writes', async (name, args) => {
    const unset = await run(args(join(dir, `${name}-unset`)), { SIGNPOST_SITE_URL: undefined })
    expect(unset.code, unset.stderr).toBe(0)
    const [first, second] = unset.stderr.split('\n')
    expect(first).toMatch(/^Warning: SIGNPOST_SITE_URL is not set, so links and QR codes point at http:\/\/localhost:3000\b/)
    expect(second).toMatch(/^Signpost: reading content from /)
    expect(unset.stdout).toContain('.pdf')

    const local = await run(args(join(dir, `${name}-local`)), { SIGNPOST_SITE_URL: 'http://127.0.0.1:3000' })
    expect(local.code, local.stderr).toBe(0)
    expect(local.stderr.split('\n')[0]).toMatch(/^Warning: SIGNPOST_SITE_URL points at http:\/\/127\.0\.0\.1:3000\b/)

    const fine = await run(args(join(dir, `${name}-public`)))
    expect(fine.code, fine.stderr).toBe(0)
    expect(fine.stderr).not.toContain('SIGNPOST_SITE_URL')
  })

  it.each(commands)('%s refuses to run with NODE_ENV=production, naming SIGNPOST_SITE_URL, and writes nothing', async (name, args) => {
    for (const siteUrl of [undefined, 'http://localhost:3000']) {
      const out = join(dir, `${name}-production-${siteUrl ? 'local' : 'unset'}`)
      const r = await run(args(out), { NODE_ENV: 'production', SIGNPOST_SITE_URL: siteUrl })
      expect(r.code, String(siteUrl)).not.toBe(0)
      expect(r.stderr).toContain('SIGNPOST_SITE_URL')
      expect(r.stderr).toContain('Refusing to print leaflets with NODE_ENV=production.')
      expect(r.stderr).not.toContain('reading content')
      expect(r.stdout).toBe('')
      await expect(readdir(out)).rejects.toThrow(/ENOENT/)
    }
    const live = await run(args(join(dir, `${name}-production-public`)), { NODE_ENV: 'production' })
    expect(live.code, live.stderr).toBe(0)
    expect(live.stderr).not.toContain('SIGNPOST_SITE_URL')
  })
})
