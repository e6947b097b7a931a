// Builds one print pack off the console's request path (a worker thread started by lib/packs.ts): loads the content,
// renders the pack with the leaflets library into a file, and posts progress (pages done of pages total).
import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { checkSiteUrlForOutput, getArea, getGuide, getLanguage, guidesForArea, loadContent, sourceFromEnv, viewGuide } from '@signpost/content'
import * as leaflets from '@signpost/leaflets'

const { area: areaSlug, guides: slugs, langs = ['en'], format, layout, copies, file } = workerData

async function build() {
  // The leaflets' links and QR codes point at SIGNPOST_SITE_URL: an unusable one is refused, a local one is warned about
  // on the pack's page (the console always runs with NODE_ENV=production, so the CLI's production refusal would stop
  // every fresh clone from trying it).
  const site = checkSiteUrlForOutput({ ...process.env, NODE_ENV: 'development' })
  if (site.refuse) throw new Error(site.warning)
  const content = await loadContent({ source: sourceFromEnv() })
  const area = getArea(content, areaSlug || undefined)
  // Guide by guide, each followed by its translations in the order asked (as the leaflets CLI packs them).
  const inEach = slugs.length
    ? slugs.flatMap((slug) => langs.map((lang) => getGuide(content, slug, area.slug, lang)))
    : langs.flatMap((lang) => guidesForArea(content, area.slug, lang))
  const first = new Map()
  inEach.forEach((g, i) => first.has(g.slug) || first.set(g.slug, i))
  const guides = inEach.map((g, i) => ({ slug: g.slug, lang: g.language, i })).sort((a, b) => first.get(a.slug) - first.get(b.slug) || a.i - b.i)
  if (guides.length === 0) throw new Error(`There are no guides for ${area.name}, so there is nothing to pack.`)
  const entries = guides.map((g) => ({ view: viewGuide(content, g.slug, area.slug, g.lang), copies }))
  const render = layout === 'booklet' ? leaflets.renderBookletPack : leaflets.renderPack
  if (typeof render !== 'function') throw new Error('The booklet layout is not available in this build of the leaflets library.')
  const partial = `${file}.part`
  const out = createWriteStream(partial)
  let last = 0
  const result = await render(
    entries,
    {
      area,
      format,
      onProgress: (done, total) => {
        if (done === total || Date.now() - last > 200) {
          last = Date.now()
          parentPort.postMessage({ type: 'progress', done, total })
        }
      },
    },
    out,
  )
  await rename(partial, file)
  const languages = langs.map((l) => getLanguage(l).name).join(', ')
  const distinct = new Set(guides.map((g) => g.slug)).size
  const what = `${result.leaflets} leaflets (${distinct} guide${distinct === 1 ? '' : 's'}${langs.length > 1 ? ` in ${langs.length} languages` : ''} × ${copies}) for ${area.name}, ${format}${layout === 'booklet' ? ', A5 booklets' : ''}${langs.length > 1 || langs[0] !== 'en' ? `, in ${languages}` : ''}: ${result.pages} pages`
  parentPort.postMessage({ type: 'done', summary: what, warning: site.warning, pages: result.pages })
}

build().catch((e) => parentPort.postMessage({ type: 'failed', error: e instanceof Error ? e.message : String(e) }))
