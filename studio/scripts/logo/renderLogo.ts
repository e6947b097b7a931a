// Makes the embedded dataset's logo: renders derbyshire-victim-services.svg (a simple text logo written for Signpost,
// not the service's real mark) to a PNG in real Chromium with the brand font, because pdfkit cannot draw SVG and many
// email programs do not show it. Writes the PNG where `sanity dataset export` puts images
// (studio/data/images/<sha1>-<w>x<h>.png) and points the settings document's logo at it, as an export would.
// Run: npx tsx studio/scripts/logo/renderLogo.ts
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { webFonts } from '@signpost/brand'
import { launchChromium } from '@signpost/chromium'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const svgFile = here('./derbyshire-victim-services.svg')
const dataset = here('../../data/production.ndjson')
const imagesDir = here('../../data/images/')
const SCALE = 2

const svg = readFileSync(svgFile, 'utf8')
const width = Number(/width="(\d+)"/.exec(svg)?.[1])
const height = Number(/height="(\d+)"/.exec(svg)?.[1])
if (!width || !height) throw new Error(`${svgFile} has no width and height in pixels.`)

const fonts = webFonts
  .filter((f) => f.name.includes('-latin-'))
  .map(
    (f) =>
      `@font-face{font-family:'Atkinson Hyperlegible Next';font-weight:${f.weight};src:url(data:font/woff2;base64,${readFileSync(f.file).toString('base64')}) format('woff2')}`,
  )
  .join('\n')

const browser = await launchChromium({ deviceScaleFactor: SCALE, viewport: { width, height } })
let png: Buffer
try {
  const page = await browser.context.newPage()
  await page.setContent(`<!doctype html><style>${fonts} html,body{margin:0} svg{display:block}</style>${svg}`)
  await page.evaluate(() => document.fonts.ready)
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length)
  if (loaded < 2) throw new Error('The brand fonts did not load, so the PNG would use a fallback font.')
  png = await page.locator('svg').screenshot({ type: 'png', omitBackground: false })
} finally {
  await browser.close()
}

const sha1 = createHash('sha1').update(png).digest('hex')
const name = `${sha1}-${width * SCALE}x${height * SCALE}.png`
mkdirSync(imagesDir, { recursive: true })
const lines = readFileSync(dataset, 'utf8').split('\n')
const at = lines.findIndex((l) => l.includes('"_type":"siteSettings"'))
if (at < 0) throw new Error(`${dataset} has no siteSettings document.`)
const settings = JSON.parse(lines[at]!) as { logo?: { _sanityAsset?: string; [key: string]: unknown } }
const previous = settings.logo?._sanityAsset?.replace(/^image@file:\/\/\.\//, '')
if (previous && previous !== `images/${name}` && existsSync(here(`../../data/${previous}`))) rmSync(here(`../../data/${previous}`))
writeFileSync(`${imagesDir}${name}`, png)
// Key order as `sanity dataset export` writes it, so a pull of the pushed dataset gives back the same line.
const { _sanityAsset: _old, ...rest } = settings.logo ?? { _type: 'image', alt: 'Derbyshire Victim Services' }
settings.logo = { _sanityAsset: `image@file://./images/${name}`, ...rest }
lines[at] = JSON.stringify(settings)
writeFileSync(dataset, lines.join('\n'))
console.log(`Wrote ${imagesDir}${name} (${png.length} bytes) and pointed siteSettings.logo at it.`)
