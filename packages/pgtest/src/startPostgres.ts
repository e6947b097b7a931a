// startPostgres(): a real, throw-away PostgreSQL for a test or a benchmark. The server runs from Debian's packages as its
// own OS user (PostgreSQL refuses root), in a new temporary folder, on a free port on 127.0.0.1 with its socket in that
// folder and fsync off. A detached guardian process (guardian.ts) owns it, so the server and folder go away on stop(),
// on exit, and when the test process is killed outright.
import { spawn } from 'node:child_process'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { findPostgres, serverUser } from './binaries.js'
import type { GuardianConfig, GuardianReport } from './guardian.js'

export interface PostgresOptions {
  /** Extra server settings, passed as `-c key=value` (fsync=off, synchronous_commit=off, max_connections=200 are set). */
  settings?: Record<string, string | number | boolean>
  /** The folder with `postgres` and `initdb`; default PGTEST_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin. */
  binDir?: string
  /** Where the temporary folder is made (default the OS temp folder); the server's user must be able to reach it. */
  baseDir?: string
  /** How long initdb plus start-up may take (default 60 s). */
  startTimeoutMs?: number
}

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: the superuser, no password (trust), the default database. */
  url: string
  port: number
  /** The cluster's data folder (inside the temporary folder, which also holds the socket). */
  dataDir: string
  /** The temporary folder: the socket (`.s.PGSQL.<port>`) lives here. */
  socketDir: string
  /** The PostgreSQL major version that runs (for example 15). */
  version: number
  /** CREATE DATABASE `name` (lower-case letters, digits, _) and give its URL. */
  createDatabase(name: string): Promise<string>
  /** Shut the server down and remove the temporary folder; safe to call twice. */
  stop(): Promise<void>
}

const guardianFile = fileURLToPath(new URL('../dist/guardian.js', import.meta.url))

export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const { binDir, version } = findPostgres(options.binDir)
  const config: GuardianConfig = {
    binDir,
    baseDir: options.baseDir ?? tmpdir(),
    runAs: serverUser(),
    settings: Object.fromEntries(Object.entries(options.settings ?? {}).map(([k, v]) => [k, String(v)])),
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
  }
  const guardian = spawn(process.execPath, [guardianFile, JSON.stringify(config)], { detached: true, stdio: ['pipe', 'pipe', 'ignore'] })
  const exited = new Promise<void>((resolve) => guardian.once('exit', () => resolve()))
  const message = await new Promise<GuardianReport>((resolve) => {
    let buffer = ''
    guardian.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      const newline = buffer.indexOf('\n')
      if (newline >= 0) resolve(JSON.parse(buffer.slice(0, newline)) as GuardianReport)
    })
    guardian.once('error', (error) => resolve({ ready: false, error: `could not start the guardian (${guardianFile}): ${error.message}` }))
    guardian.once('exit', (code) => resolve({ ready: false, error: `the guardian (${guardianFile}) exited (${code}) before the server was ready` }))
  })
  if (!message.ready) {
    guardian.stdin.end()
    throw new Error(`PostgreSQL (${binDir}) did not start: ${message.error}`)
  }
  // The test process may exit without calling stop(): the guardian then sees its stdin close and cleans up.
  guardian.stdout.destroy()
  ;(guardian.stdin as unknown as Socket).unref()
  guardian.unref()

  const { port, dir, dataDir } = message
  const urlFor = (database: string): string => `postgres://postgres@127.0.0.1:${port}/${database}`
  let stopped: Promise<void> | undefined
  return {
    url: urlFor('postgres'),
    port,
    dataDir,
    socketDir: dir,
    version,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
        throw new Error(`createDatabase: "${name}" is not a plain database name (lower-case letters, digits and _, starting with a letter or _)`)
      }
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name], {
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let output = ''
        child.stdout.on('data', (d: Buffer) => (output += d.toString()))
        child.stderr.on('data', (d: Buffer) => (output += d.toString()))
        child.on('error', (error) => resolve({ code: -1, output: error.message }))
        child.on('close', (code) => resolve({ code, output }))
      })
      if (result.code !== 0) throw new Error(`createDatabase("${name}") failed: ${result.output.trim()}`)
      return urlFor(name)
    },
    stop(): Promise<void> {
      stopped ??= (async () => {
        guardian.ref()
        guardian.stdin.end()
        await exited
      })()
      return stopped
    },
  }
}
