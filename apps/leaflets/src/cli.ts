#!/usr/bin/env node
// signpost-leaflets: builds leaflet PDFs and station print packs from the current content (`npm run leaflets -- …`).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  announceSource,
  getArea,
  getGuide,
  guidesForArea,
  loadContent,
  siteUrlNotice,
  sourceFromEnv,
  SUPPORTED_LANGUAGES,
  viewGuide,
  type Content,
  type LanguageCode,
} from '@signpost/content'
import { Command, InvalidArgumentError } from 'commander'
import { isLeafletFormat, leafletFileName, LEAFLET_FORMATS, type LeafletFormat } from './format.js'
import { bookletFileName, isLayout, LAYOUTS, renderBooklet, type Layout } from './booklet.js'
import { renderBookletPack } from './bookletPack.js'
import { ensureDirectory, writeAtomically, writeFileAtomically } from './output.js'
import { renderPack } from './pack.js'
import { createProgress } from './progress.js'
import { renderLeaflet } from './renderLeaflet.js'

export const MAX_COPIES = 500

function parseFormat(value: string): LeafletFormat {
  if (!isLeafletFormat(value)) throw new InvalidArgumentError(`It must be ${LEAFLET_FORMATS.join(' or ')}.`)
  return value
}

function parseLayout(value: string): Layout {
  if (!isLayout(value)) throw new InvalidArgumentError(`It must be ${LAYOUTS.join(' or ')} (got "${value}").`)
  return value
}

export function parseCopies(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_COPIES) {
    throw new InvalidArgumentError(`It must be a whole number from 1 to ${MAX_COPIES} (got "${value}").`)
  }
  return n
}

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `--lang ur`, `--lang cy,pl,ur` or `--lang all` (every supported language), in the order given. */
export function parseLanguages(value: string): LanguageCode[] {
  const codes = SUPPORTED_LANGUAGES.map((l) => l.code)
  if (value.trim() === 'all') return [...codes]
  const asked = parseList(value)
  const unknown = asked.filter((c) => !(codes as string[]).includes(c))
  if (!asked.length || unknown.length) {
    const list = SUPPORTED_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')
    throw new InvalidArgumentError(
      `${unknown.length ? `Unknown language ${unknown.map((c) => `"${c}"`).join(', ')}. ` : ''}Use one or more of ${list}, separated by commas, or "all".`,
    )
  }
  return [...new Set(asked)] as LanguageCode[]
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

/**
 * Leaflets print the site's address and a QR code to it, so an address readers cannot reach is said first and,
 * in production, refused before anything is written.
 */
function checkSiteUrl(env: NodeJS.ProcessEnv = process.env): void {
  const site = siteUrlNotice('print leaflets', env)
  if (site.refusal) throw new Error(site.refusal)
  if (site.warning) process.stderr.write(`${site.warning}\n`)
}

async function load(): Promise<Content> {
  const source = sourceFromEnv()
  announceSource(source)
  return loadContent({ source })
}

async function build(options: { guide: string; area?: string; format: LeafletFormat; layout: Layout; lang: LanguageCode[]; out: string }): Promise<void> {
  checkSiteUrl()
  const started = performance.now()
  const content = await load()
  const area = getArea(content, options.area)
  // `--guide all` takes every guide that exists in each language asked for; a named guide must exist in each.
  const guides = options.lang.flatMap((lang) =>
    options.guide === 'all' ? guidesForArea(content, area.slug, lang) : [getGuide(content, options.guide, area.slug, lang)],
  )
  await ensureDirectory(options.out)
  const booklet = options.layout === 'booklet'
  let bytes = 0
  let sheets = 0
  for (const guide of guides) {
    const view = viewGuide(content, guide.slug, area.slug, guide.language)
    const file = join(
      options.out,
      booklet ? bookletFileName(guide.slug, options.format, guide.language) : leafletFileName(guide.slug, options.format, guide.language),
    )
    let pdf: Buffer
    let note = ''
    if (booklet) {
      const made = await renderBooklet(view, { format: options.format })
      pdf = made.bytes
      sheets += made.sheets
      note = `, A5 booklet: ${made.pages} pages on ${made.sheets} A4 sheet${made.sheets === 1 ? '' : 's'}`
    } else {
      pdf = await renderLeaflet(view, { format: options.format })
    }
    await writeFileAtomically(file, pdf)
    bytes += pdf.length
    process.stdout.write(`${file} (${formatBytes(pdf.length)}${note})\n`)
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const what = booklet ? `booklet${guides.length === 1 ? '' : 's'}` : `leaflet${guides.length === 1 ? '' : 's'}`
  const how = booklet ? `${options.format}, A5 on ${sheets} A4 sheet${sheets === 1 ? '' : 's'}: print double-sided, flipping on the short edge` : options.format
  process.stderr.write(`Built ${guides.length} ${what} for ${area.name} (${how}), ${formatBytes(bytes)}, in ${seconds} s.\n`)
}

async function pack(options: {
  area?: string
  copies: number
  guides?: string[]
  format: LeafletFormat
  layout: Layout
  lang: LanguageCode[]
  out: string
}): Promise<void> {
  checkSiteUrl()
  const started = performance.now()
  const content = await load()
  const area = getArea(content, options.area)
  // Each guide in each language asked for, guide by guide (English then its translations), each in its language.
  const guides = options.guides?.length
    ? options.guides.flatMap((slug) => options.lang.map((lang) => getGuide(content, slug, area.slug, lang)))
    : groupBySlug(options.lang.flatMap((lang) => guidesForArea(content, area.slug, lang)))
  if (guides.length === 0) throw new Error(`There are no guides for ${area.name}, so there is nothing to pack.`)
  const entries = guides.map((g) => ({ view: viewGuide(content, g.slug, area.slug, g.language), copies: options.copies }))
  const progress = createProgress('Pack')
  const render = options.layout === 'booklet' ? renderBookletPack : renderPack
  const result = await writeAtomically(options.out, (stream) =>
    render(entries, { area, format: options.format, onProgress: (done, total) => progress.update(done, total) }, stream),
  ).finally(() => progress.stop())
  const size = (await stat(options.out)).size
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${options.out}\n`)
  const languages =
    options.lang.length > 1 || options.lang[0] !== 'en' ? ` in ${options.lang.map((c) => SUPPORTED_LANGUAGES.find((l) => l.code === c)!.name).join(', ')}` : ''
  const what = `${result.leaflets} leaflets (${guides.length} guide${guides.length === 1 ? '' : 's'} × ${options.copies}) for ${area.name}${languages}`
  process.stderr.write(
    result.sheets === undefined
      ? `Packed ${what}: ${result.pages} pages (${result.blankPages} blank for double-sided printing), ${formatBytes(size)}, in ${seconds} s.\n`
      : `Packed ${what} as A5 booklets: ${result.sheets} A4 sheets, ${result.pages} sides (${result.blankPages} blank pages to fill whole sheets); ` +
          `print double-sided, flipping on the short edge; ${formatBytes(size)}, in ${seconds} s.\n`,
  )
}

/** Keeps a guide's languages together, guides in the order they first appear, languages in the order asked. */
function groupBySlug<T extends { slug: string }>(guides: T[]): T[] {
  const first = new Map<string, number>()
  guides.forEach((g, i) => first.has(g.slug) || first.set(g.slug, i))
  return guides
    .map((g, i) => ({ g, i }))
    .sort((a, b) => first.get(a.g.slug)! - first.get(b.g.slug)! || a.i - b.i)
    .map((x) => x.g)
}

export function program(): Command {
  const cli = new Command('signpost-leaflets').description('Accessible PDF leaflets and station print packs from Signpost content.')
  cli
    .command('build')
    .description('Write one PDF leaflet per guide.')
    .requiredOption('--guide <slug|all>', 'guide to build, or "all" for every guide in the area')
    .option('--area <slug>', 'area whose contacts the leaflet shows (default: the site default)')
    .option('--format <format>', `${LEAFLET_FORMATS.join(' or ')}`, parseFormat, 'standard' as LeafletFormat)
    .option(
      '--layout <layout>',
      `${LAYOUTS.join(' or ')}: single A4 pages, or an A5 booklet on A4 landscape sheets for folding (for printing only)`,
      parseLayout,
      'standard' as Layout,
    )
    .option('--lang <codes>', `language(s) to build, comma-separated, or "all": ${SUPPORTED_LANGUAGES.map((l) => l.code).join(', ')}`, parseLanguages, [
      'en',
    ] as LanguageCode[])
    .option('--out <dir>', 'folder to write the PDFs to (file names carry the language, e.g. <guide>-ur.pdf, except English)', 'out')
    .action(build)
  cli
    .command('pack')
    .description('Write one print-ready PDF for a station: a cover sheet, then every leaflet repeated.')
    .option('--area <slug>', 'area of the station (default: the site default)')
    .requiredOption('--copies <n>', `copies of each leaflet, 1 to ${MAX_COPIES}`, parseCopies)
    .option('--guides <a,b>', 'guides to include (default: every guide in the area)', parseList)
    .option('--format <format>', `${LEAFLET_FORMATS.join(' or ')}`, parseFormat, 'standard' as LeafletFormat)
    .option(
      '--layout <layout>',
      `${LAYOUTS.join(' or ')}: single A4 pages, or every copy as an A5 booklet on A4 landscape sheets`,
      parseLayout,
      'standard' as Layout,
    )
    .option('--lang <codes>', 'language(s) of the leaflets, comma-separated, or "all"; each leaflet is in its language', parseLanguages, [
      'en',
    ] as LanguageCode[])
    .requiredOption('--out <file>', 'PDF file to write')
    .action(pack)
  return cli
}

try {
  await program().parseAsync(process.argv)
} catch (e) {
  process.stderr.write(`signpost-leaflets: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
}
