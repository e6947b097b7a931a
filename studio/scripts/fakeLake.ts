// Test helper: a local HTTP server on 127.0.0.1 that stands in for the Content Lake endpoints @sanity/import and
// @sanity/export call, so the real client, importer and exporter are exercised:
//   POST /v<date>/data/mutate/<dataset>     create / createOrReplace / createIfNotExists / patch / delete, atomically,
//                                           refusing a strong reference to a missing document as the Lake does (409)
//   GET  /v<date>/data/query/<dataset>      GROQ over the stored documents (groq-js)
//   POST /v<date>/assets/images/<dataset>   stores an upload and makes its sanity.imageAsset document
//   GET  /v<date>/data/export/<dataset>     every stored document as NDJSON (or a scripted failure)
//   GET  /images/<project>/<dataset>/<file> the bytes of an uploaded image, as cdn.sanity.io serves them
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Mutation } from '@sanity/mutator'
import { imageInfo } from '@signpost/content/testing'
import { evaluate, parse } from 'groq-js'

export type ExportBehaviour =
  | { kind: 'documents' } // the stored documents, as the Lake exports them
  | { kind: 'ndjson'; body: string }
  | { kind: 'cut' } // sends the first half of the stored documents (whole lines), then drops the connection
  | { kind: 'status'; status: number; body: string }

type Doc = { _id: string; _type: string; [key: string]: unknown }

export type FakeLake = {
  url: string
  projectId: string
  exportBehaviour: ExportBehaviour
  requests: Array<{ method: string; path: string; authorization?: string }>
  /** Every mutation received, in order, including those of refused transactions. */
  mutations: Array<Record<string, unknown>>
  /** Transactions received (each a list of mutations), committed or refused. */
  transactions: Array<{ mutations: Array<Record<string, unknown>>; refused?: string }>
  /** The dataset as it stands. */
  documents: Map<string, Doc>
  /** Bytes of uploaded images by CDN path. */
  files: Map<string, Buffer>
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** Ids of the documents a document refers to strongly (a `_ref` without `_weak: true`). */
function strongRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => strongRefs(v, out))
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o._ref === 'string' && o._weak !== true && !('_dataset' in o)) out.push(o._ref)
    for (const v of Object.values(o)) strongRefs(v, out)
  }
  return out
}

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

let revCounter = 0

export async function startFakeLake(dataset = 'production', projectId = 'abc123'): Promise<FakeLake> {
  const lake: Omit<FakeLake, 'url' | 'close'> = {
    projectId,
    exportBehaviour: { kind: 'documents' },
    requests: [],
    mutations: [],
    transactions: [],
    documents: new Map(),
    files: new Map(),
  }
  let baseUrl = ''

  function commit(mutations: Array<Record<string, unknown>>): Array<{ id: string; operation: string }> {
    const next = new Map(lake.documents)
    const results: Array<{ id: string; operation: string }> = []
    const now = new Date().toISOString()
    const stamp = (doc: Doc, previous?: Doc): Doc => ({
      ...doc,
      _createdAt: previous?._createdAt ?? doc._createdAt ?? now,
      _updatedAt: now,
      _rev: `rev${++revCounter}`,
    })
    for (const m of mutations) {
      const [op, body] = Object.entries(m)[0] as [string, Record<string, unknown>]
      if (op === 'create' || op === 'createOrReplace' || op === 'createIfNotExists') {
        const doc = body as Doc
        if (typeof doc._id !== 'string' || typeof doc._type !== 'string') throw new Refused(400, `${op} needs _id and _type`)
        const previous = next.get(doc._id)
        if (previous && op === 'create') throw new Refused(409, `Document by ID "${doc._id}" already exists`)
        if (previous && op === 'createIfNotExists') {
          results.push({ id: doc._id, operation: 'none' })
          continue
        }
        const { _rev: _ignored, ...rest } = doc
        next.set(doc._id, stamp(rest as Doc, previous))
        results.push({ id: doc._id, operation: previous ? 'update' : 'create' })
      } else if (op === 'patch') {
        const id = String(body.id)
        const previous = next.get(id)
        if (!previous) throw new Refused(409, `Document "${id}" not found`)
        const patched = new Mutation({ mutations: [{ patch: body }] as never }).apply(previous as never) as Doc
        next.set(id, stamp(patched, previous))
        results.push({ id, operation: 'update' })
      } else if (op === 'delete') {
        const id = String(body.id)
        next.delete(id)
        results.push({ id, operation: 'delete' })
      } else throw new Refused(400, `Unsupported mutation ${op}`)
    }
    for (const { id } of results) {
      const doc = next.get(id)
      for (const ref of doc ? strongRefs(doc) : []) {
        if (!next.has(ref)) throw new Refused(409, `Document "${id}" references non-existent document "${ref}"`)
      }
    }
    lake.documents.clear()
    for (const [id, doc] of next) lake.documents.set(id, doc)
    return results
  }

  function upload(bytes: Buffer, filename: string | null): Doc {
    const sha1 = createHash('sha1').update(bytes).digest('hex')
    const info = imageInfo(bytes)
    if (!info.width || !info.height) throw new Refused(400, 'Invalid image, could not read metadata')
    const file = `${sha1}-${info.width}x${info.height}.${info.extension}`
    const id = `image-${sha1}-${info.width}x${info.height}-${info.extension}`
    const path = `images/${projectId}/${dataset}/${file}`
    lake.files.set(`/${path}`, bytes)
    const existing = lake.documents.get(id)
    if (existing) return existing
    const now = new Date().toISOString()
    const doc: Doc = {
      _id: id,
      _type: 'sanity.imageAsset',
      _createdAt: now,
      _updatedAt: now,
      _rev: `rev${++revCounter}`,
      assetId: sha1,
      extension: info.extension,
      mimeType: info.mimeType,
      originalFilename: filename ?? file,
      path,
      sha1hash: sha1,
      size: bytes.length,
      uploadId: `upload${revCounter}`,
      url: `${baseUrl}/${path}`,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', width: info.width, height: info.height, aspectRatio: info.width / info.height },
      },
    }
    lake.documents.set(id, doc)
    return doc
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    lake.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization })
    const api = /^\/v[\w-]+\/(data\/export|data\/mutate|data\/query|assets\/images)\/([\w-]+)$/.exec(path)
    try {
      if (api && api[2] !== dataset) return sendJson(res, 404, { error: { type: 'httpNotFound', description: `Dataset "${api[2]}" not found` } })
      if (req.method === 'GET' && api?.[1] === 'data/export') {
        const b = lake.exportBehaviour
        if (b.kind === 'status') {
          res.writeHead(b.status, { 'content-type': 'application/json' })
          return res.end(b.body)
        }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' })
        if (b.kind === 'ndjson') return res.end(b.body)
        const lines = [...lake.documents.values()].map((d) => JSON.stringify(d))
        if (b.kind === 'documents') return res.end(lines.map((l) => `${l}\n`).join(''))
        res.write(lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n')
        setTimeout(() => res.destroy(), 20)
        return
      }
      if (req.method === 'POST' && api?.[1] === 'data/mutate') {
        const body = JSON.parse((await readBody(req)).toString('utf8')) as { mutations: Array<Record<string, unknown>> }
        lake.mutations.push(...body.mutations)
        const transaction: FakeLake['transactions'][number] = { mutations: body.mutations }
        lake.transactions.push(transaction)
        try {
          const results = commit(body.mutations)
          return sendJson(res, 200, { transactionId: `tx${lake.transactions.length}`, results })
        } catch (e) {
          transaction.refused = (e as Error).message
          throw e
        }
      }
      if ((req.method === 'GET' || req.method === 'POST') && api?.[1] === 'data/query') {
        let query = url.searchParams.get('query') ?? ''
        const params: Record<string, unknown> = {}
        for (const [k, v] of url.searchParams) if (k.startsWith('$')) params[k.slice(1)] = JSON.parse(v)
        if (req.method === 'POST') {
          const body = JSON.parse((await readBody(req)).toString('utf8')) as { query: string; params?: Record<string, unknown> }
          query = body.query
          Object.assign(params, body.params ?? {})
        }
        const value = await evaluate(parse(query, { params }), { dataset: [...lake.documents.values()], params })
        return sendJson(res, 200, { result: await value.get(), ms: 0, query })
      }
      if (req.method === 'POST' && api?.[1] === 'assets/images') {
        const document = upload(await readBody(req), url.searchParams.get('filename'))
        return sendJson(res, 200, { document })
      }
      const bytes = lake.files.get(path)
      if ((req.method === 'GET' || req.method === 'HEAD') && bytes) {
        res.writeHead(200, {
          'content-type': imageInfo(bytes).mimeType,
          'content-length': bytes.length,
          'x-sanity-sha1': createHash('sha1').update(bytes).digest('hex'),
        })
        return res.end(req.method === 'HEAD' ? undefined : bytes)
      }
      sendJson(res, 404, { error: 'Not found' })
    } catch (e) {
      const status = e instanceof Refused ? e.status : 500
      sendJson(res, status, { error: { type: status === 409 ? 'mutationError' : 'error', description: (e as Error).message } })
    }
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`
  return Object.assign(lake, {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
