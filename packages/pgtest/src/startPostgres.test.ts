// startPostgres() against the real server from Debian's packages: it answers queries through the pg driver, runs as
// its own user, makes databases, and leaves neither a server nor a folder behind, whether stopped or killed outright.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createConnection } from 'node:net'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { findPostgres } from './binaries.js'
import { startPostgres, type TestPostgres } from './startPostgres.js'

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitUntil(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return check()
}

let server: TestPostgres
beforeAll(async () => {
  server = await startPostgres()
})
afterAll(async () => server?.stop())

test('a query works through the pg driver, on 127.0.0.1, with fsync off', async () => {
  const client = new pg.Client({ connectionString: server.url })
  await client.connect()
  const { rows } = await client.query<{ one: number; fsync: string; addr: string }>(
    "SELECT 1 AS one, current_setting('fsync') AS fsync, host(inet_server_addr()) AS addr",
  )
  await client.end()
  expect(rows[0]).toEqual({ one: 1, fsync: 'off', addr: '127.0.0.1' })
  expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`)
  expect(existsSync(`${server.socketDir}/.s.PGSQL.${server.port}`)).toBe(true)
})

test('under root the server runs as its own user, which owns the data folder', async () => {
  if (process.getuid?.() !== 0) return
  const client = new pg.Client({ connectionString: server.url })
  await client.connect()
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  // Read the backend's owner while the connection (and so the backend process) is still there.
  const backendUid = statSync(`/proc/${rows[0]?.pid}`).uid
  await client.end()
  expect(backendUid).not.toBe(0)
  expect(statSync(server.dataDir).uid).toBe(backendUid)
})

test('createDatabase makes a database of its own and refuses a name that is not plain', async () => {
  const url = await server.createDatabase('queue_test')
  expect(url).toBe(`postgres://postgres@127.0.0.1:${server.port}/queue_test`)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('CREATE TABLE t (body text)')
  await client.query('INSERT INTO t VALUES ($1)', ['شكاية اردو'])
  const { rows } = await client.query<{ db: string; body: string }>('SELECT current_database() AS db, body FROM t')
  await client.end()
  expect(rows).toEqual([{ db: 'queue_test', body: 'شكاية اردو' }])
  await expect(server.createDatabase('queue_test')).rejects.toThrow(/already exists/)
  await expect(server.createDatabase('x"; DROP')).rejects.toThrow(/not a plain database name/)
})

test('stop() shuts the server down and removes its folder', async () => {
  const other = await startPostgres()
  expect(existsSync(other.dataDir)).toBe(true)
  await other.stop()
  expect(existsSync(other.socketDir)).toBe(false)
  expect(await portOpen(other.port)).toBe(false)
  await other.stop()
})

test('a test process killed with SIGKILL leaves no server and no folder behind', async () => {
  const index = fileURLToPath(new URL('../dist/index.js', import.meta.url))
  const script = `import { startPostgres } from ${JSON.stringify(index)}; const s = await startPostgres(); console.log(JSON.stringify(s)); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())))
  const started = JSON.parse(line) as { port: number; socketDir: string }
  expect(await portOpen(started.port)).toBe(true)
  child.kill('SIGKILL')
  expect(await waitUntil(async () => !(await portOpen(started.port)) && !existsSync(started.socketDir))).toBe(true)
})

test('a server whose guardian was itself killed is stopped and removed by the next start', async () => {
  const orphaned = await startPostgres()
  process.kill(Number(readFileSync(`${orphaned.socketDir}/guardian.pid`, 'utf8')), 'SIGKILL')
  await new Promise((r) => setTimeout(r, 200))
  expect(await portOpen(orphaned.port)).toBe(true) // the server outlived its guardian
  const next = await startPostgres()
  expect(await waitUntil(async () => !(await portOpen(orphaned.port)) && !existsSync(orphaned.socketDir))).toBe(true)
  await next.stop()
})

test('a server whose log goes to its own files (logging_collector) is still seen to be ready', async () => {
  const logged = await startPostgres({ settings: { logging_collector: 'on', log_directory: 'log' } })
  const client = new pg.Client({ connectionString: logged.url })
  await client.connect()
  expect((await client.query<{ on: string }>("SELECT current_setting('logging_collector') AS on")).rows[0]?.on).toBe('on')
  await client.end()
  await logged.stop()
})

test('without PostgreSQL installed, the error says how to install it', () => {
  expect(() => findPostgres(undefined, '/nonexistent/postgresql')).toThrow(/PostgreSQL is not installed.*apt-get install postgresql/)
  expect(() => findPostgres('/nonexistent/bin')).toThrow(/apt-get install postgresql/)
})
