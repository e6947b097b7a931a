// Leaflet benchmark (`npm run bench` here, `npm run bench:leaflets` at the root): pdfkit vs Chromium printing the
// same guide (in English, and in Urdu: shaped, right to left), and a 1,000-leaflet print pack from a synthetic
// 100-guide dataset. Writes "## Leaflets" in BENCHMARKS.md.
// Run with tsx loaded (the package script does) so the synthetic dataset builder can be shared with the tests.
import { execFile } from 'node:child_process'
import { readFile, rm, stat, writeFile, mkdtemp } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { pdfFonts, webFonts } from '@signpost/brand'
import { writeBenchmarkSection } from '../../../scripts/benchmarks.mjs'
import { launchChromium } from '@signpost/chromium'
import { embeddedSource, loadContent, viewGuide } from '@signpost/content'
import { renderLeaflet } from '@signpost/leaflets'
import { toHTML } from '@portabletext/to-html'
import QRCode from 'qrcode'
import { datasetWith, syntheticGuides, SEED_AREA, SEED_GUIDE } from '../src/testing/dataset.ts'
import { translatedDataset } from '../src/testing/translations.ts'

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, '..', 'dist', 'cli.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 50)
// Both sides get the same warm-up; V8 is still optimising the renderer for its first twenty or so runs.
const WARMUP = 30

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])

/**
 * A plain print HTML page of the same view (same fonts inlined, same QR code as SVG): Chromium's fair share. In
 * the view's language and direction (lang, dir), its fixed words from the view's phrases; for Arabic script the
 * leaflet's own Noto Naskh Arabic TTFs are inlined too, and Chromium shapes and orders the text itself (HarfBuzz,
 * its own bidi).
 */
async function htmlOf(view) {
  const fonts = await Promise.all(
    webFonts.map(
      async (f) =>
        `@font-face{font-family:'Atkinson Hyperlegible Next';font-weight:${f.weight};src:url(data:font/woff2;base64,${(await readFile(f.file)).toString('base64')}) format('woff2');unicode-range:${f.unicodeRange}}`,
    ),
  )
  if (view.language.dir === 'rtl') {
    for (const [weight, file] of [
      [400, pdfFonts.arabic],
      [700, pdfFonts.arabicBold],
    ])
      fonts.push(
        `@font-face{font-family:'Noto Naskh Arabic';font-weight:${weight};src:url(data:font/ttf;base64,${(await readFile(file)).toString('base64')}) format('truetype')}`,
      )
  }
  const t = (key, vars) => view.phrases.t(key, vars)
  const qr = await QRCode.toString(view.guide.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  const contact = (cp) =>
    cp.kind === 'phone'
      ? `<li><b>Phone</b> <a href="${esc(cp.href)}">${esc(cp.display)}</a>${cp.hours ? ` (open ${esc(cp.hours)})` : ''}</li>`
      : cp.kind === 'sms'
        ? `<li><b>Text</b> ${esc(cp.instruction)}</li>`
        : cp.kind === 'website'
          ? `<li><b>Website</b> <a href="${esc(cp.url)}">${esc(cp.display)}</a></li>`
          : `<li><b>Email</b> <a href="${esc(cp.href)}">${esc(cp.address)}</a></li>`
  const phone = (org) => org?.contactPoints.find((c) => c.kind === 'phone')
  const s = view.primarySupport
  return `<!doctype html><html lang="${esc(view.language.tag)}" dir="${view.language.dir}"><head><meta charset="utf-8"><title>${esc(view.guide.title)}</title><style>
${fonts.join('\n')}
@page{size:A4;margin:20mm 20mm 25mm}
body{font-family:'Atkinson Hyperlegible Next','Noto Naskh Arabic',sans-serif;font-size:14pt;line-height:1.5;color:#000}
h1{font-size:26pt}h2{font-size:18pt;break-after:avoid}.phone{font-size:22pt;font-weight:700}.qr{width:100pt}
</style></head><body>
<h1>${esc(view.guide.title)}</h1><p>${esc(view.guide.summary)}</p>
${view.firstStep ? `<h2>${esc(t('common.whatToDoNow'))}</h2><p>${esc(view.firstStep.text)}</p>${phone(view.firstStep.organisationView) ? `<p class="phone">${esc(phone(view.firstStep.organisationView).display)}</p>` : ''}` : ''}
${s ? `<h2>${esc(t('common.freeSupportIn', { area: view.area.name }))}</h2><p><b>${esc(s.name)}</b></p>${phone(s) ? `<p class="phone">${esc(phone(s).display)}</p>` : ''}` : ''}
${view.guide.sections.map((sec) => `<h2>${esc(sec.heading)}</h2>${toHTML(sec.body)}`).join('\n')}
<h2>${esc(t('leaflet.whatYouCanDo'))}</h2><ol>${view.steps.map((st) => `<li>${esc(st.text)}</li>`).join('')}</ol>
<h2>${esc(t('common.whoCanHelp'))}</h2>${view.organisations.map((o) => `<h3>${esc(o.name)}</h3><p>${esc(o.description)}</p><ul>${o.contactPoints.map(contact).join('')}</ul>`).join('\n')}
<h2>${esc(t('leaflet.howToGetHelp'))}</h2><div class="qr">${qr}</div><p>${esc(view.guide.url)}</p>
<footer>${esc(view.checkedLine)}</footer></body></html>`
}

/** Times each [label, fn] RUNS times after WARMUP, one of each per round; the median of each, in order. */
async function timeInTurn(measures) {
  for (let i = 0; i < WARMUP; i++) for (const [, fn] of measures) await fn()
  const times = measures.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    for (const [k, [, fn]] of measures.entries()) {
      const t = performance.now()
      await fn()
      times[k].push(performance.now() - t)
    }
  }
  return measures.map(([label], k) => {
    const m = median(times[k])
    console.error(`${label}: median ${m.toFixed(1)} ms over ${RUNS} warm runs`)
    return m
  })
}

const content = await loadContent()
const view = viewGuide(content, SEED_GUIDE, SEED_AREA)
// The Urdu leaflet: the embedded dataset's translation when it has one, else the tests' Urdu translation.
const hasUrdu = content.guides.some((g) => g.slug === SEED_GUIDE && g.language === 'ur')
const urduSource = hasUrdu ? 'the embedded dataset' : "the tests' Urdu translation (src/testing/translations.ts)"
const urduView = viewGuide(hasUrdu ? content : await loadContent({ source: embeddedSource(await translatedDataset(['ur'])) }), SEED_GUIDE, SEED_AREA, 'ur')

// 1. One leaflet: pdfkit vs Chromium page.pdf(), side by side in this run, English and Urdu. The four are timed in
// turn within each round (not one after another), so on a shared machine each sees the same load.
let pdfkitBytes = 0
let urduBytes = 0
let chromiumBytes = 0
let chromiumUrduBytes = 0
const html = await htmlOf(view)
const urduHtml = await htmlOf(urduView)
const browser = await launchChromium({ javaScriptEnabled: false })
const chromiumPdf = async (source) => {
  const page = await browser.context.newPage()
  await page.setContent(source, { waitUntil: 'load' })
  const bytes = (await page.pdf({ format: 'A4', printBackground: true, tagged: true })).length
  await page.close()
  return bytes
}
let pdfkitMs, urduMs, chromiumMs, chromiumUrduMs
try {
  ;[pdfkitMs, chromiumMs, urduMs, chromiumUrduMs] = await timeInTurn([
    ['pdfkit renderLeaflet (seed, standard)', async () => (pdfkitBytes = (await renderLeaflet(view)).length)],
    ['Chromium new page + setContent + page.pdf (same guide)', async () => (chromiumBytes = await chromiumPdf(html))],
    ['pdfkit renderLeaflet (seed, Urdu, standard)', async () => (urduBytes = (await renderLeaflet(urduView)).length)],
    ['Chromium new page + setContent + page.pdf (same guide in Urdu)', async () => (chromiumUrduBytes = await chromiumPdf(urduHtml))],
  ])
} finally {
  await browser.close()
}
const ratio = chromiumMs / pdfkitMs
const urduRatio = chromiumUrduMs / urduMs

// 2. The print pack: 1,000 leaflets from 100 guides (the seed + 99 synthetic), through the real CLI.
const dir = await mkdtemp(join(tmpdir(), 'signpost-leaflets-bench-'))
const dataset = join(dir, 'synthetic.ndjson')
await writeFile(dataset, await datasetWith(syntheticGuides(99)))
const out = join(dir, 'pack.pdf')
const started = performance.now()
const { stderr } = await promisify(execFile)(process.execPath, [cli, 'pack', '--area', SEED_AREA, '--copies', '10', '--out', out], {
  env: { ...process.env, SIGNPOST_DATASET: dataset },
  maxBuffer: 1 << 24,
})
const packMs = performance.now() - started
const summary = stderr.trim().split('\n').at(-1)
const pages = Number(/: (\d+) pages/.exec(summary)?.[1])
const leaflets = Number(/Packed (\d+) leaflets/.exec(summary)?.[1])
const size = (await stat(out)).size
await rm(dir, { recursive: true, force: true })
console.error(summary)

const date = new Date().toISOString().slice(0, 10)
const section = `## Leaflets

Measured with \`npm run bench:leaflets\` (apps/leaflets/bench/run.mjs) on ${date}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()[0].toFixed(1)} at the end of the run.

| measure | figure |
| --- | --- |
| pdfkit \`renderLeaflet\`, seed guide (cyber-crime-and-fraud, standard, ${(pdfkitBytes / 1024).toFixed(0)} KiB) | median ${pdfkitMs.toFixed(1)} ms (${RUNS} warm runs after ${WARMUP}, timed in turn with the three below) |
| Chromium (@signpost/chromium): new page, \`setContent\` of a plain HTML rendering of the same view built by the bench (fonts inlined, QR as SVG), \`page.pdf()\` (${(chromiumBytes / 1024).toFixed(0)} KiB) | median ${chromiumMs.toFixed(1)} ms (same rounds) |
| Chromium ÷ pdfkit | **${ratio.toFixed(1)}×** faster with pdfkit (target ≥ 10×) |
| pdfkit \`renderLeaflet\`, the same guide in Urdu (from ${urduSource}; Noto Naskh Arabic shaped by fontkit, bidi-js, right to left, ${(urduBytes / 1024).toFixed(0)} KiB) | median ${urduMs.toFixed(1)} ms (${(urduMs / pdfkitMs).toFixed(1)}× the English leaflet) |
| Chromium, the same Urdu view as HTML (lang="ur" dir="rtl", the same Naskh TTFs inlined; Chromium shapes and orders it itself), \`page.pdf()\` (${(chromiumUrduBytes / 1024).toFixed(0)} KiB) | median ${chromiumUrduMs.toFixed(1)} ms (same rounds) |
| Chromium ÷ pdfkit, Urdu | **${urduRatio.toFixed(1)}×** faster with pdfkit (target ≥ 10×) |
| print pack: ${leaflets} leaflets from 100 guides (seed + 99 synthetic, made in a temp dir), \`signpost-leaflets pack --copies 10\`, whole CLI process | **${(packMs / 1000).toFixed(2)} s** wall (target ≤ 15 s), ${pages} pages, ${(pages / (packMs / 1000)).toFixed(0)} pages/s, ${(size / 1024 / 1024).toFixed(1)} MiB |

The Urdu leaflet embeds four font subsets (Latin and Arabic script, regular and bold) instead of two, and each
right-to-left run is its own tagged Span with its logical text as ActualText; shaping is cached per string, bidi
levels per paragraph and font subsets per glyph list, so a warm render costs about twice the English one. The
machine is shared (8 agents on 2 cores; see the load average printed by the bench), so compare the ratios of one
run rather than milliseconds across runs.

The pack is drawn into one pdfkit document, which is inherently sequential; each of the 100 guides is laid out
once and its layout replayed for every copy. A profile of the pack showed layout at about 6 % of the time and the
rest in drawing, font subsetting and zlib inside pdfkit, so worker threads (which could only take the layout) were
not worth their cost: the pack uses one core.
`

const file = writeBenchmarkSection(section)
console.error(`Wrote the Leaflets section of ${file}`)
