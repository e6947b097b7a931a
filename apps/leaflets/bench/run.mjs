// Leaflet benchmark (`npm run bench` here, `npm run bench:leaflets` at the root): pdfkit vs Chromium printing the
// same guide, and a 1,000-leaflet print pack from a synthetic 100-guide dataset. Writes "## Leaflets" in BENCHMARKS.md.
// Run with tsx loaded (the package script does) so the synthetic dataset builder can be shared with the tests.
import { execFile } from 'node:child_process'
import { readFile, rm, stat, writeFile, mkdtemp } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { webFonts } from '@signpost/brand'
import { writeBenchmarkSection } from '../../../scripts/benchmarks.mjs'
import { launchChromium } from '@signpost/chromium'
import { loadContent, viewGuide } from '@signpost/content'
import { renderLeaflet } from '@signpost/leaflets'
import { toHTML } from '@portabletext/to-html'
import QRCode from 'qrcode'
import { datasetWith, syntheticGuides, SEED_AREA, SEED_GUIDE } from '../src/testing/dataset.ts'

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

/** A plain print HTML page of the same view (same fonts inlined, same QR code as SVG): Chromium's fair share. */
async function htmlOf(view) {
  const fonts = await Promise.all(
    webFonts.map(
      async (f) =>
        `@font-face{font-family:'Atkinson Hyperlegible Next';font-weight:${f.weight};src:url(data:font/woff2;base64,${(await readFile(f.file)).toString('base64')}) format('woff2');unicode-range:${f.unicodeRange}}`,
    ),
  )
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
  return `<!doctype html><html lang="${esc(view.guide.language)}"><head><meta charset="utf-8"><title>${esc(view.guide.title)}</title><style>
${fonts.join('\n')}
@page{size:A4;margin:20mm 20mm 25mm}
body{font-family:'Atkinson Hyperlegible Next',sans-serif;font-size:14pt;line-height:1.5;color:#000}
h1{font-size:26pt}h2{font-size:18pt;break-after:avoid}.phone{font-size:22pt;font-weight:700}.qr{width:100pt}
</style></head><body>
<h1>${esc(view.guide.title)}</h1><p>${esc(view.guide.summary)}</p>
${view.firstStep ? `<h2>What to do first</h2><p>${esc(view.firstStep.text)}</p>${phone(view.firstStep.organisationView) ? `<p class="phone">${esc(phone(view.firstStep.organisationView).display)}</p>` : ''}` : ''}
${s ? `<h2>Free support in ${esc(view.area.name)}</h2><p><b>${esc(s.name)}</b></p>${phone(s) ? `<p class="phone">${esc(phone(s).display)}</p>` : ''}` : ''}
${view.guide.sections.map((sec) => `<h2>${esc(sec.heading)}</h2>${toHTML(sec.body)}`).join('\n')}
<h2>What you can do</h2><ol>${view.steps.map((st) => `<li>${esc(st.text)}</li>`).join('')}</ol>
<h2>Who can help</h2>${view.organisations.map((o) => `<h3>${esc(o.name)}</h3><p>${esc(o.description)}</p><ul>${o.contactPoints.map(contact).join('')}</ul>`).join('\n')}
<h2>Read this guide online</h2><div class="qr">${qr}</div><p>${esc(view.guide.url)}</p>
<footer>${esc(view.checkedLine)}</footer></body></html>`
}

async function timeRuns(label, fn) {
  for (let i = 0; i < WARMUP; i++) await fn()
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  const m = median(times)
  console.error(`${label}: median ${m.toFixed(1)} ms over ${RUNS} warm runs`)
  return m
}

const content = await loadContent()
const view = viewGuide(content, SEED_GUIDE, SEED_AREA)

// 1. One leaflet: pdfkit vs Chromium page.pdf(), side by side in this run.
let pdfkitBytes = 0
const pdfkitMs = await timeRuns('pdfkit renderLeaflet (seed, standard)', async () => {
  pdfkitBytes = (await renderLeaflet(view)).length
})
const html = await htmlOf(view)
const browser = await launchChromium({ javaScriptEnabled: false })
let chromiumBytes = 0
let chromiumMs
try {
  chromiumMs = await timeRuns('Chromium new page + setContent + page.pdf (same guide)', async () => {
    const page = await browser.context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    chromiumBytes = (await page.pdf({ format: 'A4', printBackground: true, tagged: true })).length
    await page.close()
  })
} finally {
  await browser.close()
}
const ratio = chromiumMs / pdfkitMs

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

Measured with \`npm run bench:leaflets\` (apps/leaflets/bench/run.mjs) on ${date}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}).

| measure | figure |
| --- | --- |
| pdfkit \`renderLeaflet\`, seed guide (cyber-crime-and-fraud, standard, ${(pdfkitBytes / 1024).toFixed(0)} KiB) | median ${pdfkitMs.toFixed(1)} ms (${RUNS} warm runs after ${WARMUP}) |
| Chromium (@signpost/chromium): new page, \`setContent\` of a plain HTML rendering of the same view built by the bench (fonts inlined, QR as SVG), \`page.pdf()\` (${(chromiumBytes / 1024).toFixed(0)} KiB) | median ${chromiumMs.toFixed(1)} ms (same run) |
| Chromium ÷ pdfkit | **${ratio.toFixed(1)}×** faster with pdfkit (target ≥ 10×) |
| print pack: ${leaflets} leaflets from 100 guides (seed + 99 synthetic, made in a temp dir), \`signpost-leaflets pack --copies 10\`, whole CLI process | **${(packMs / 1000).toFixed(2)} s** wall (target ≤ 15 s), ${pages} pages, ${(pages / (packMs / 1000)).toFixed(0)} pages/s, ${(size / 1024 / 1024).toFixed(1)} MiB |

The pack is drawn into one pdfkit document, which is inherently sequential; each of the 100 guides is laid out
once and its layout replayed for every copy. A profile of the pack showed layout at about 6 % of the time and the
rest in drawing, font subsetting and zlib inside pdfkit, so worker threads (which could only take the layout) were
not worth their cost: the pack uses one core.
`

const file = writeBenchmarkSection(section)
console.error(`Wrote the Leaflets section of ${file}`)
