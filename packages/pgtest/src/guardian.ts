// The guardian process of one test PostgreSQL: startPostgres() runs this file detached, with a pipe on its stdin. It
// makes the temporary folder, runs initdb and the server as the server's own user, says on stdout when the server is
// ready, and when its stdin closes — stop(), a normal exit, or the test process being killed, even with SIGKILL — it
// shuts the server down and removes the folder. So a killed test run leaves no server and no data behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { RunAs } from './binaries.js'

export interface GuardianConfig {
  binDir: string
  baseDir: string
  runAs: RunAs | null
  settings: Record<string, string>
  startTimeoutMs: number
}

export type GuardianReport = { ready: true; port: number; dir: string; dataDir: string } | { ready: false; error: string }

const PREFIX = 'pgtest-'

function report(message: GuardianReport): void {
  try {
    process.stdout.write(`${JSON.stringify(message)}\n`)
  } catch {
    // the test process is gone: nobody to tell
  }
}

function childEnv(): NodeJS.ProcessEnv {
  // No PG* variables from the caller (PGDATA, PGPORT would redirect initdb or the server), a fixed locale.
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Folders left by a guardian that was itself killed: stop their server if it still runs, then remove them. */
function sweepStale(baseDir: string): void {
  let names: string[] = []
  try {
    names = readdirSync(baseDir).filter((n) => n.startsWith(PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const dir = join(baseDir, name)
    try {
      const guardianPid = Number(readFileSync(join(dir, 'guardian.pid'), 'utf8'))
      if (!guardianPid || alive(guardianPid)) continue
      const postmaster = join(dir, 'data', 'postmaster.pid')
      if (existsSync(postmaster)) {
        const pid = Number(readFileSync(postmaster, 'utf8').split('\n')[0])
        const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : ''
        if (pid && cmdline.includes(dir)) process.kill(pid, 'SIGQUIT')
      }
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // not ours, or already gone: leave it (a folder younger than its guardian.pid file is still starting)
      try {
        if (!existsSync(join(dir, 'guardian.pid')) && Date.now() - statSync(dir).mtimeMs > 10 * 60_000) rmSync(dir, { recursive: true, force: true })
      } catch {
        // gone meanwhile
      }
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function run(file: string, args: string[], cfg: GuardianConfig, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(cfg.runAs ? { uid: cfg.runAs.uid, gid: cfg.runAs.gid } : {}),
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', (error) => resolve({ code: -1, output: `${output}${error.message}` }))
    child.on('close', (code) => resolve({ code, output }))
  })
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n')
}

type Started = { server: ChildProcess; port: number } | { error: string; retry: boolean }

function startServer(cfg: GuardianConfig, dir: string, dataDir: string, port: number): Promise<Started> {
  const settings: Record<string, string> = {
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    unix_socket_permissions: '0777',
    ...cfg.settings,
  }
  const args = ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1']
  for (const [key, value] of Object.entries(settings)) args.push('-c', `${key}=${value}`)
  const server = spawn(join(cfg.binDir, 'postgres'), args, {
    cwd: dir,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(cfg.runAs ? { uid: cfg.runAs.uid, gid: cfg.runAs.gid } : {}),
  })
  return new Promise((resolve) => {
    let log = ''
    let settled = false
    const settle = (result: Started): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(poll)
      resolve(result)
    }
    const timer = setTimeout(() => {
      server.kill('SIGKILL')
      settle({ error: `PostgreSQL did not say it was ready within ${cfg.startTimeoutMs} ms:\n${tail(log)}`, retry: false })
    }, cfg.startTimeoutMs)
    // The server also says so in postmaster.pid (its 8th line becomes "ready"), which holds when logging_collector
    // sends the log elsewhere.
    const poll = setInterval(() => {
      try {
        if (readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[7]?.trim() === 'ready') settle({ server, port })
      } catch {
        // not written yet
      }
    }, 50)
    server.stderr?.on('data', (d: Buffer) => {
      log += d.toString()
      if (log.length > 64_000) log = log.slice(-32_000)
      if (log.includes('ready to accept connections')) settle({ server, port })
    })
    server.on('error', (error) => settle({ error: error.message, retry: false }))
    server.on('exit', (code, signal) => {
      const retry = /could not bind|Address already in use|could not create any TCP\/IP sockets/.test(log)
      settle({ error: `PostgreSQL exited (${signal ?? code}) before it was ready:\n${tail(log)}`, retry })
    })
  })
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.argv[2] ?? '{}') as GuardianConfig
  sweepStale(cfg.baseDir)
  const dir = mkdtempSync(join(cfg.baseDir, PREFIX))
  writeFileSync(join(dir, 'guardian.pid'), String(process.pid))
  const dataDir = join(dir, 'data')
  let server: ChildProcess | undefined
  let shuttingDown: Promise<never> | undefined

  // Once, whichever comes first (stdin's end and close both fire): a second caller waits for the first.
  const stop = (code: number): Promise<never> =>
    (shuttingDown ??= (async () => {
      if (server && server.exitCode === null && server.signalCode === null) {
        // Fast shutdown, then immediate, then kill: a test's server holds nothing worth waiting for.
        server.kill('SIGINT')
        if (!(await waitExit(server, 10_000))) {
          server.kill('SIGQUIT')
          if (!(await waitExit(server, 5_000))) server.kill('SIGKILL')
          await waitExit(server, 5_000)
        }
      }
      rmSync(dir, { recursive: true, force: true })
      process.exit(code)
    })())
  process.stdin.on('end', () => void stop(0))
  process.stdin.on('close', () => void stop(0))
  process.stdin.on('error', () => void stop(0))
  process.stdin.resume()
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(0))

  if (cfg.runAs) chownSync(dir, cfg.runAs.uid, cfg.runAs.gid)
  const init = await run(join(cfg.binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], cfg, dir)
  if (init.code !== 0) {
    report({ ready: false, error: `initdb failed (exit ${init.code}${cfg.runAs ? `, as user ${cfg.runAs.user}` : ''}):\n${tail(init.output)}` })
    return stop(1)
  }
  for (let attempt = 1; ; attempt++) {
    const started = await startServer(cfg, dir, dataDir, await freePort())
    if ('server' in started) {
      server = started.server
      server.on('exit', (code, signal) => {
        if (!shuttingDown) void stop(code ?? (signal ? 1 : 0))
      })
      report({ ready: true, port: started.port, dir, dataDir })
      return
    }
    if (!started.retry || attempt >= 5) {
      report({ ready: false, error: started.error })
      return stop(1)
    }
  }
}

main().catch((error: unknown) => {
  report({ ready: false, error: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})
