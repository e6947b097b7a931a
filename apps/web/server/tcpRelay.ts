// For tests of the shared page cache: a TCP relay on 127.0.0.1 in front of a real PostgreSQL, so a test can take the
// database away and bring it back at the same address while the site's servers keep running: `refuse` closes every
// connection and the port (connection refused), `blackhole` accepts connections and never answers (a dead host or a
// full network path), `relay` forwards again. Not used by the site itself.
import { createServer, connect, type Server, type Socket } from 'node:net'

export type RelayMode = 'relay' | 'refuse' | 'blackhole'

export type TcpRelay = { port: number; mode: () => RelayMode; set: (mode: RelayMode) => Promise<void>; close: () => Promise<void> }

export async function startTcpRelay(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpRelay> {
  let mode: RelayMode = 'relay'
  const open = new Set<Socket>()
  const server: Server = createServer((client) => {
    open.add(client)
    client.on('close', () => open.delete(client))
    client.on('error', () => client.destroy())
    if (mode === 'blackhole') return
    const upstream = connect(targetPort, targetHost)
    open.add(upstream)
    upstream.on('close', () => {
      open.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as { port: number }
  const dropAll = () => {
    for (const s of open) s.destroy()
    open.clear()
  }
  const listening = () => server.listening
  return {
    port,
    mode: () => mode,
    async set(next) {
      mode = next
      dropAll()
      if (next === 'refuse' && listening()) await new Promise<void>((r) => server.close(() => r()))
      if (next !== 'refuse' && !listening()) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject)
          server.listen(port, '127.0.0.1', () => resolve())
        })
      }
    },
    async close() {
      dropAll()
      if (listening()) await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
