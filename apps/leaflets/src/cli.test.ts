// Runs the built CLI (dist/cli.js) as a user would, on temp folders. `npm test` builds first (turbo).
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { saddleStitchSides } from './booklet.js'
import { BLANK_PAGE_TEXT } from './pack.js'
import { sheetSides } from './testing/booklet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { openPdf, pageTexts } from './testing/pdf.js'
import { translatedDataset } from './testing/translations.js'

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

/** The A5 page numbers ("Page k of n" in each footer) on each half of each sheet side; null for a padding blank. */
async function bookletPageNumbers(bytes: Buffer): Promise<{ sides: Array<{ left: number | null; right: number | null }>; of: number; sizes: string[] }> {
  const sides = await sheetSides(bytes)
  let of = 0
  const number = (text: string) => {
    if (text === BLANK_PAGE_TEXT) return null
    const m = /Page (\d+) of (\d+)/.exec(text)
    if (!m) throw new Error(`No page number in half: ${text.slice(0, 80)}`)
    of = Number(m[2])
    return Number(m[1])
  }
  return { sides: sides.map((s) => ({ left: number(s.left), right: number(s.right) })), of, sizes: sides.map((s) => s.size.join('×')) }
}

describe('--layout booklet', () => {
  it('build writes an A5 booklet on A4 landscape sheets, pages in saddle-stitch order', async () => {
    const out = join(dir, 'booklet')
    const r = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--layout', 'booklet', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    expect(await readdir(out)).toEqual([`${SEED_GUIDE}-booklet.pdf`])
    const bytes = await readFile(join(out, `${SEED_GUIDE}-booklet.pdf`))
    const { sides, of, sizes } = await bookletPageNumbers(bytes)
    expect(of).toBeGreaterThan(1)
    expect(sides).toEqual(saddleStitchSides(of))
    expect(sides.length % 2).toBe(0)
    expect(new Set(sizes)).toEqual(new Set(['842×595']))
    const sheets = sides.length / 2
    expect(r.stdout).toContain(`${SEED_GUIDE}-booklet.pdf`)
    expect(r.stdout).toContain(`A5 booklet: ${of} pages on ${sheets} A4 sheet`)
    expect(r.stderr).toMatch(/Built 1 booklet for Derbyshire \(standard, A5 on \d+ A4 sheets?: print double-sided, flipping on the short edge\)/)

    // The default stays single A4 pages, in the file the site serves.
    const plain = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--out', out])
    expect(plain.code, plain.stderr).toBe(0)
    expect((await readdir(out)).sort()).toEqual([`${SEED_GUIDE}-booklet.pdf`, `${SEED_GUIDE}.pdf`])
    const a4 = await openPdf(await readFile(join(out, `${SEED_GUIDE}.pdf`)))
    expect((await a4.getPage(1)).view.map(Math.round)).toEqual([0, 0, 595, 842])
  })

  it('pack writes every copy as its own booklet after a cover sheet', async () => {
    const out = join(dir, 'booklet-pack', 'pack.pdf')
    const r = await run(['pack', '--area', SEED_AREA, '--copies', '3', '--layout', 'booklet', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Packed 3 leaflets \(1 guide × 3\) for Derbyshire as A5 booklets: \d+ A4 sheets, \d+ sides/)
    const bytes = await readFile(out)
    const texts = await pageTexts(await openPdf(bytes))
    expect(texts[0]).toContain('Print pack for Derbyshire')
    expect(texts[1]).toBe('This page is intentionally blank')
    const all = await sheetSides(bytes)
    expect(new Set(all.map((s) => s.size.join('×')))).toEqual(new Set(['842×595']))
    // After the cover sheet, each copy's sides carry its A5 pages in booklet order (found by their footers).
    const copies = all.slice(2)
    const n = Number(/Page \d+ of (\d+)/.exec(copies[0]!.right)?.[1])
    const order = saddleStitchSides(n)
    expect(copies.length).toBe(order.length * 3)
    copies.forEach((side, i) => {
      const want = order[i % order.length]!
      for (const half of ['left', 'right'] as const) {
        const page = want[half]
        if (page === null) expect(side[half], `side ${i + 3} ${half}`).toBe(BLANK_PAGE_TEXT)
        else expect(side[half], `side ${i + 3} ${half}`).toContain(`Page ${page} of ${n}`)
      }
    })
  })

  it.each([
    ['build', ['build', '--guide', SEED_GUIDE, '--area', SEED_AREA]],
    ['pack', ['pack', '--area', SEED_AREA, '--copies', '1']],
  ])('%s refuses an unknown --layout, naming the argument and the valid values', async (name, args) => {
    for (const layout of ['a5', 'Booklet', '']) {
      const out = join(dir, `bad-layout-${name}-${layout || 'empty'}`)
      const r = await run([...args, '--layout', layout, '--out', name === 'pack' ? join(out, 'pack.pdf') : out])
      expect(r.code, layout).not.toBe(0)
      expect(r.stderr).toContain(`option '--layout <layout>' argument '${layout}' is invalid. It must be standard or booklet (got "${layout}").`)
      await expect(readdir(out)).rejects.toThrow(/ENOENT/)
    }
  })
})

describe('signpost-leaflets --lang', () => {
  let dataset: string
  beforeAll(async () => {
    dataset = await translatedDataset(['ur', 'cy', 'pl'])
  })
  const env = () => ({ SIGNPOST_DATASET: dataset })

  it('build --lang ur writes the Urdu leaflet, its file name carrying the language; several and all write one each', async () => {
    const out = join(dir, 'lang-build')
    const ur = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--lang', 'ur', '--out', out], env())
    expect(ur.code, ur.stderr).toBe(0)
    expect(await readdir(out)).toEqual([`${SEED_GUIDE}-ur.pdf`])
    const bytes = await readFile(join(out, `${SEED_GUIDE}-ur.pdf`))
    expect(bytes.toString('latin1')).toContain('/Lang (ur)')
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Bold/)

    const several = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--lang', 'cy,pl,ur', '--format', 'large-print', '--out', out], env())
    expect(several.code, several.stderr).toBe(0)
    expect((await readdir(out)).filter((f) => f.includes('large-print')).sort()).toEqual(
      [`${SEED_GUIDE}-cy-large-print.pdf`, `${SEED_GUIDE}-pl-large-print.pdf`, `${SEED_GUIDE}-ur-large-print.pdf`].sort(),
    )
    const all = await run(['build', '--guide', 'all', '--area', SEED_AREA, '--lang', 'all', '--layout', 'booklet', '--out', join(dir, 'lang-all')], env())
    expect(all.code, all.stderr).toBe(0)
    expect((await readdir(join(dir, 'lang-all'))).sort()).toEqual(
      [`${SEED_GUIDE}-booklet.pdf`, `${SEED_GUIDE}-cy-booklet.pdf`, `${SEED_GUIDE}-pl-booklet.pdf`, `${SEED_GUIDE}-ur-booklet.pdf`].sort(),
    )
  })

  it('refuses a language it does not know, listing the ones it does, and writes nothing', async () => {
    const out = join(dir, 'lang-bad')
    const r = await run(['build', '--guide', SEED_GUIDE, '--lang', 'ur,xx', '--out', out], env())
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('Unknown language "xx". Use one or more of en (English), cy (Welsh), pl (Polish), ur (Urdu)')
    await expect(readdir(out)).rejects.toThrow(/ENOENT/)
  })

  it('exits non-zero naming the guide, the field and the character when no leaflet font has it, and writes nothing', async () => {
    const thai = await translatedDataset(['ur'], { edit: (_, t) => ({ ...t, summary: `${t.summary} สวัสดี` }) })
    const out = join(dir, 'lang-thai')
    const r = await run(['build', '--guide', SEED_GUIDE, '--area', SEED_AREA, '--lang', 'ur', '--out', out], { SIGNPOST_DATASET: thai })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /guide "cyber-crime-and-fraud" \(guide\.cyber-crime-and-fraud\.ur, Urdu\), summary: no leaflet font has the characters U\+0E2A \(ส\)/,
    )
    expect(await readdir(out).catch(() => [])).toEqual([])
  })

  it('pack --lang en,ur puts each guide in each language in the pack, each leaflet in its own language', async () => {
    const out = join(dir, 'lang-pack', 'pack.pdf')
    const r = await run(['pack', '--area', SEED_AREA, '--copies', '2', '--lang', 'en,ur', '--out', out], env())
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Packed 4 leaflets \(2 guides × 2\) for Derbyshire in English, Urdu: \d+ pages/)
    const bytes = await readFile(out)
    const raw = bytes.toString('latin1')
    // The cover in English; each copy a Sect with its language; the Urdu copies shaped in the Arabic-script font.
    expect(raw).toContain('/Lang (en-GB)')
    expect([...raw.matchAll(/\/S \/Sect[^>]*\/Lang \((ur|en-GB)\)|\/Lang \((ur|en-GB)\)[^>]*\/S \/Sect/g)].length).toBe(4)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular/)
    const texts = await pageTexts(await openPdf(bytes))
    expect(texts[0]).toContain('Cyber Crime and Fraud')
    expect(texts[0]).toContain('(Urdu)')
  })
})
