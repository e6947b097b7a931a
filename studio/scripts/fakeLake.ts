// Test helper: a local HTTP server on 127.0.0.1 answering the two Content Lake endpoints pull and push use
// (GET /v<date>/data/export/<dataset>, POST /v<date>/data/mutate/<dataset>), so the real @sanity/client is exercised.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ExportBehaviour =
  | { kind: 'ndjson'; body: string }
  | { kind: 'cut'; body: string } // sends the first half of the lines (whole lines), then drops the connection
  | { kind: 'status'; status: number; body: string }

export type FakeLake = {
  url: string
  exportBehaviour: ExportBehaviour
  requests: Array<{ method: string; path: string; authorization?: string }>
  mutations: Array<Record<string, unknown>>
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeLake(dataset = 'production'): Promise<FakeLake> {
  const lake: Omit<FakeLake, 'url' | 'close'> = { exportBehaviour: { kind: 'ndjson', body: '' }, requests: [], mutations: [] }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    lake.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization })
    if (req.method === 'GET' && path.match(/^\/v[\w-]+\/data\/export\/([\w-]+)$/)?.[1] === dataset) {
      const b = lake.exportBehaviour
      if (b.kind === 'status') {
        res.writeHead(b.status, { 'content-type': 'application/json' })
        return res.end(b.body)
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' })
      if (b.kind === 'ndjson') return res.end(b.body)
      const lines = b.body.split('\n')
      res.write(lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n')
      setTimeout(() => res.destroy(), 20)
      return
    }
    if (req.method === 'POST' && path.match(/^\/v[\w-]+\/data\/mutate\/([\w-]+)$/)?.[1] === dataset) {
      const body = JSON.parse(await readBody(req)) as { mutations: Array<Record<string, unknown>> }
      lake.mutations.push(...body.mutations)
      res.writeHead(200, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ transactionId: `tx${lake.mutations.length}`, results: [] }))
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: 'Not found' }))
  }
  // A request the fake cannot read (a mutate body that is not JSON) gets a 500 naming the error, as the Lake would
  // answer, instead of an unhandled rejection and a request left hanging.
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(lake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  })
}
