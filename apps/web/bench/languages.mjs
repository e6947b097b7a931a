#!/usr/bin/env node
// Bytes a reader downloads for the guide page in each language (`npm run bench:languages` here; also the end of
// `npm run bench`): the built site served as `npm start` serves it (dist/server.mjs, next start with its
// compression), loaded in real Chromium on a 360 px phone, every response counted at the size it crossed the wire
// (Chromium's encoded body + headers, so gzip where the server compresses, WOFF2 as is). Urdu pages draw with the
// phone's own Arabic-script fonts, so their weight should be the English page's give or take the text.
// Writes the "## Web: bytes per language" section of BENCHMARKS.md.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pdfFonts } from '@signpost/brand'
import { launchChromium } from '@signpost/chromium'
import { SUPPORTED_LANGUAGES } from '@signpost/content'
import { brotliCompressSync, constants as zlib } from 'node:zlib'
import { writeBenchmarkSection } from '../../../scripts/benchmarks.mjs'

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const SLUG = 'cyber-crime-and-fraud'
const log = (...a) => console.error('bench:languages:', ...a)
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function startSite() {
  const port = await freePort()
  const child = spawn(process.execPath, [join(appDir, 'dist/server.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${origin}/robots.txt`)).ok) return { child, origin }
    } catch {
      // Not listening yet: try again after the pause.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill()
  throw new Error('the site did not come up')
}

/**
 * The page's Arabic-script letters as a subset of Noto Naskh Arabic (the leaflets' face), cut by HarfBuzz's own
 * subsetter (harfbuzzjs' hb-subset, with the layout closure that joining needs), then brotli-compressed at level 11,
 * about what a WOFF2 of it would weigh (WOFF2 is brotli over the font's tables; its glyph transform saves a little more).
 */
async function arabicSubset(fontFile, text) {
  const require = createRequire(join(appDir, '../leaflets/package.json'))
  const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))
  const { instance } = await WebAssembly.instantiate(wasm, {})
  const hb = instance.exports
  const font = await readFile(fontFile)
  const at = hb.malloc(font.byteLength)
  new Uint8Array(hb.memory.buffer).set(font, at)
  const blob = hb.hb_blob_create(at, font.byteLength, 2, 0, 0)
  const face = hb.hb_face_create(blob, 0)
  hb.hb_blob_destroy(blob)
  const input = hb.hb_subset_input_create_or_fail()
  const unicodes = hb.hb_subset_input_unicode_set(input)
  for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0))
  const subsetFace = hb.hb_subset_or_fail(face, input)
  hb.hb_subset_input_destroy(input)
  if (!subsetFace) throw new Error(`HarfBuzz could not subset ${fontFile}`)
  const out = hb.hb_face_reference_blob(subsetFace)
  const data = hb.hb_blob_get_data(out, 0)
  const bytes = Buffer.from(new Uint8Array(hb.memory.buffer).slice(data, data + hb.hb_blob_get_length(out)))
  hb.hb_blob_destroy(out)
  const brotli = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length
  return { full: font.byteLength, subset: bytes.length, brotli }
}

/** Every response of one page load, at its size on the wire, by kind. */
async function weigh(browser, address) {
  const page = await browser.context.newPage()
  const seen = []
  page.on('requestfinished', async (request) => {
    const response = await request.response()
    const sizes = await request.sizes()
    seen.push({
      url: request.url(),
      type: request.resourceType(),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      encoding: await response?.headerValue('content-encoding'),
    })
  })
  const response = await page.goto(address, { waitUntil: 'networkidle' })
  if (response?.status() !== 200) throw new Error(`${address} answered ${response?.status()}`)
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(300)
  const arabicText = (await page.locator('body').innerText()).replace(/[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/g, '')
  const lang = await page.locator('html').getAttribute('lang')
  const dir = await page.locator('html').getAttribute('dir')
  await page.close()
  const sum = (pred) => seen.filter(pred).reduce((n, s) => n + s.bytes, 0)
  return {
    lang,
    dir,
    arabicText,
    html: sum((s) => s.type === 'document'),
    htmlEncoding: seen.find((s) => s.type === 'document')?.encoding ?? 'none',
    css: sum((s) => s.type === 'stylesheet'),
    js: sum((s) => s.type === 'script'),
    fonts: sum((s) => s.type === 'font'),
    images: sum((s) => s.type === 'image'),
    fontFiles: seen.filter((s) => s.type === 'font').map((s) => new URL(s.url).pathname.split('/').pop()),
    total: sum(() => true),
    requests: seen.length,
  }
}

if (!existsSync(join(appDir, '.next', 'BUILD_ID')) || !existsSync(join(appDir, 'dist', 'server.mjs'))) {
  console.error('Build the site first: npx turbo run build --filter=@signpost/web')
  process.exit(1)
}
const { child, origin } = await startSite()
const rows = []
try {
  for (const language of SUPPORTED_LANGUAGES) {
    const path = language.code === 'en' ? `/guides/${SLUG}` : `/${language.code}/guides/${SLUG}`
    log(path)
    // A fresh browser for each page: a first visit, nothing cached from the page before.
    const browser = await launchChromium({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true })
    try {
      rows.push({ language, path, ...(await weigh(browser, `${origin}${path}`)) })
    } finally {
      await browser.close()
    }
  }
} finally {
  await new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))))
}

const en = rows.find((r) => r.language.code === 'en')
const urdu = rows.find((r) => r.language.code === 'ur')
const letters = [...new Set(urdu?.arabicText ?? '')]
const [regular, bold] = letters.length
  ? await Promise.all([arabicSubset(pdfFonts.arabic, letters.join('')), arabicSubset(pdfFonts.arabicBold, letters.join(''))])
  : []
// Every letter, mark, digit and punctuation mark Urdu writes with (so any Urdu guide would be covered), for comparison.
const URDU_ALPHABET =
  '\u0621\u0622\u0623\u0624\u0626\u0627\u0628\u067E\u062A\u0679\u062B\u062C\u0686\u062D\u062E\u062F\u0688\u0630\u0631\u0691\u0632\u0698\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A\u0641\u0642\u06A9\u06AF\u0644\u0645\u0646\u06BA\u0648\u06C1\u06C2\u06C3\u06BE\u06CC\u06D2\u06D3' +
  '\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0654\u0670\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9\u060C\u061B\u061F\u06D4\u066A\u066B\u066C\u200C\u200D'
const [alphabetRegular, alphabetBold] = await Promise.all([arabicSubset(pdfFonts.arabic, URDU_ALPHABET), arabicSubset(pdfFonts.arabicBold, URDU_ALPHABET)])
const table = rows.map(
  (r) =>
    `| ${r.language.name} (\`${r.path}\`, lang="${r.lang}" dir="${r.dir}") | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.js)} | ${kb(r.fonts)} (${r.fontFiles.length} files) | ${kb(r.images)} | **${kb(r.total)}** | ${(r.total / en.total).toFixed(2)}× | ${r.requests} |`,
)
const ur = rows.find((r) => r.language.code === 'ur')
const md = `## Web: bytes per language

Measured with \`npm run bench:languages --workspace @signpost/web\` (apps/web/bench/languages.mjs) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores: the built site served by \`dist/server.mjs\` (as \`npm start\`), each guide page loaded once in headless Chromium as a 360 px phone with an empty cache; every response counted at its size on the wire (Chromium's encoded body plus headers: the HTML, CSS and script as the server compressed them (${en.htmlEncoding}), fonts as WOFF2).

| page | HTML | CSS | JS | fonts | images (the service's logo) | **all** | vs English | requests |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

Fonts fetched by the Urdu page: ${ur?.fontFiles.length ? ur.fontFiles.map((f) => `\`${f}\``).join(', ') : 'none'} (the Latin brand faces, for the organisation names, numbers and
addresses, which stay in Latin script). Its Arabic-script text uses ${letters.length} different characters.
${
  regular && bold
    ? `Cut from Noto Naskh Arabic (the leaflets' face) by HarfBuzz's subsetter for exactly those characters, with the joining
forms their layout needs, the regular face is ${kb(regular.subset)} (${kb(regular.brotli)} brotli-compressed, about its WOFF2
size) of the ${kb(regular.full)} font, and the bold for headings ${kb(bold.subset)} (${kb(bold.brotli)}): together
${kb(regular.brotli + bold.brotli)}, another ${Math.round(((regular.brotli + bold.brotli) / (ur?.total ?? 1)) * 100)} % on the whole Urdu page above, for one guide's letters
(another guide, or a translator's edit, needs a new cut). Cut for the whole Urdu alphabet (${[...URDU_ALPHABET].length} letters, marks, digits and
punctuation, so any Urdu guide is covered) the two faces are ${kb(alphabetRegular.brotli + alphabetBold.brotli)} brotli-compressed.`
    : ''
}

**Decision: Arabic-script pages use the phone's own fonts, no web font.** \`:lang(ur)\` in styles/site.css lists Noto
Nastaliq Urdu (iOS, macOS), Jameel Noori Nastaleeq, Urdu Typesetting (Windows), Noto Naskh Arabic (Android), Geeza
Pro and Tahoma, then the brand stack; a run in another language inside (an organisation's name, a number) keeps the
brand font. So the Urdu page weighs what the English one does, where a subset font would add the figures above on
every first visit over a poor signal; and a Naskh web font would replace the Nastaliq that iPhones already have (the
script Urdu readers expect) with the Naskh that Android phones fall back to anyway. The leaflets embed Naskh because
a PDF must carry its fonts; a web page need not.
`
writeBenchmarkSection(md)
console.log(md)
