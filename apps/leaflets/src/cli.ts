#!/usr/bin/env node
// signpost-leaflets: builds leaflet PDFs and station print packs from the current content (`npm run leaflets -- …`).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { announceSource, getArea, getGuide, guidesForArea, loadContent, siteUrlNotice, sourceFromEnv, viewGuide, type Content } from '@signpost/content'
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

async function build(options: { guide: string; area?: string; format: LeafletFormat; layout: Layout; out: string }): Promise<void> {
  checkSiteUrl()
  const started = performance.now()
  const content = await load()
  const area = getArea(content, options.area)
  const guides = options.guide === 'all' ? guidesForArea(content, area.slug) : [getGuide(content, options.guide, area.slug)]
  await ensureDirectory(options.out)
  const booklet = options.layout === 'booklet'
  let bytes = 0
  let sheets = 0
  for (const guide of guides) {
    const view = viewGuide(content, guide.slug, area.slug)
    const file = join(options.out, booklet ? bookletFileName(guide.slug, options.format) : leafletFileName(guide.slug, options.format))
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

async function pack(options: { area?: string; copies: number; guides?: string[]; format: LeafletFormat; layout: Layout; out: string }): Promise<void> {
  checkSiteUrl()
  const started = performance.now()
  const content = await load()
  const area = getArea(content, options.area)
  const guides = options.guides?.length ? options.guides.map((slug) => getGuide(content, slug, area.slug)) : guidesForArea(content, area.slug)
  if (guides.length === 0) throw new Error(`There are no guides for ${area.name}, so there is nothing to pack.`)
  const entries = guides.map((g) => ({ view: viewGuide(content, g.slug, area.slug), copies: options.copies }))
  const progress = createProgress('Pack')
  const render = options.layout === 'booklet' ? renderBookletPack : renderPack
  const result = await writeAtomically(options.out, (stream) =>
    render(entries, { area, format: options.format, onProgress: (done, total) => progress.update(done, total) }, stream),
  ).finally(() => progress.stop())
  const size = (await stat(options.out)).size
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${options.out}\n`)
  const what = `${result.leaflets} leaflets (${guides.length} guide${guides.length === 1 ? '' : 's'} × ${options.copies}) for ${area.name}`
  process.stderr.write(
    result.sheets === undefined
      ? `Packed ${what}: ${result.pages} pages (${result.blankPages} blank for double-sided printing), ${formatBytes(size)}, in ${seconds} s.\n`
      : `Packed ${what} as A5 booklets: ${result.sheets} A4 sheets, ${result.pages} sides (${result.blankPages} blank pages to fill whole sheets); ` +
          `print double-sided, flipping on the short edge; ${formatBytes(size)}, in ${seconds} s.\n`,
  )
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
    .option('--out <dir>', 'folder to write the PDFs to', 'out')
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
