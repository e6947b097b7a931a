// A local stand-in for the Content Lake's query API (GET/POST /v<date>/data/query/<dataset>), answering with
// groq-js over a list of documents. Used because the hosted API is out of reach here; the client under test is real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { evaluate, parse } from 'groq-js'
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Perspective } from '../model.js'
import { resolveExportAssets } from '../sources/exportAssets.js'
import { defaultDatasetPath } from '../sources/fromEnv.js'
import type { Document } from '../sources/ndjson.js'
import { applyPerspective } from '../sources/perspective.js'

export type SanityApiServer = {
  /** Use as the client's apiHost. */
  url: string
  /** Queries received, for assertions. */
  requests: Array<{ method: string; path: string; query: string; perspective: string | null }>
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/**
 * Documents may use the export layout for assets (`_sanityAsset: "image@file://./images/…"`, files in `assetsFolder`,
 * by default the seed's folder): like the Lake, the server then holds sanity.imageAsset documents and serves their
 * bytes at /images/<project>/<dataset>/<file>, as cdn.sanity.io does.
 */
export async function startSanityApiServer(
  documents: Document[],
  dataset = 'production',
  assetsFolder = dirname(defaultDatasetPath()),
): Promise<SanityApiServer> {
  const requests: SanityApiServer['requests'] = []
  const assetFiles = new Map<string, string>()
  let served = documents
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const file = assetFiles.get(url.pathname)
      if (req.method === 'GET' && file) {
        const bytes = await readFile(file)
        res.writeHead(200, { 'content-length': bytes.length })
        return res.end(bytes)
      }
      const match = url.pathname.match(/^\/v[\w-]+\/data\/query\/([\w-]+)$/)
      if (!match) return send(res, 404, { error: 'Not found' })
      if (match[1] !== dataset) return send(res, 404, { error: `Dataset "${match[1]}" not found` })
      let query = url.searchParams.get('query') ?? ''
      const params: Record<string, unknown> = {}
      for (const [k, v] of url.searchParams) if (k.startsWith('$')) params[k.slice(1)] = JSON.parse(v)
      if (req.method === 'POST') {
        const body = JSON.parse(await readBody(req)) as { query: string; params?: Record<string, unknown> }
        query = body.query
        Object.assign(params, body.params ?? {})
      }
      const perspective = url.searchParams.get('perspective')
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query, perspective })
      const view: Perspective = perspective === 'drafts' || perspective === 'previewDrafts' ? 'drafts' : 'published'
      const started = performance.now()
      const value = await evaluate(parse(query, { params }), { dataset: applyPerspective(served, view), params })
      send(res, 200, { result: await value.get(), ms: Math.round(performance.now() - started), query })
    } catch (e) {
      send(res, 400, { error: { description: (e as Error).message, type: 'queryParseError' } })
    }
  }
  // handle() answers every error itself (400 above), so nothing is left to await here.
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const resolved = await resolveExportAssets(documents, `${assetsFolder}/dataset.ndjson`)
  served = resolved.documents.map((doc) => {
    if (!doc._type.startsWith('sanity.') || typeof doc.url !== 'string' || !doc.url.startsWith('file:')) return doc
    const path = `/${doc._type === 'sanity.imageAsset' ? 'images' : 'files'}/test/${dataset}/${String(doc._id)
      .replace(/^(image|file)-/, '')
      .replace(/-(\w+)$/, '.$1')}`
    assetFiles.set(path, fileURLToPath(doc.url))
    return { ...doc, url: `http://127.0.0.1:${port}${path}` }
  })
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
