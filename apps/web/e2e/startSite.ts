// Starts the built site the way `npm start` does (dist/server.mjs: next start behind the request checks) on a
// copy of the app (build output, public files, config) inside apps/web, so node resolves packages as usual while
// on-demand revalidation writes only into the copy. Used by globalSetup and by tests that need a second server.
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')

export type RunningSite = { origin: string; port: number; output: () => string; stop: () => Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

async function waitUntilUp(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the site's server exited (${child.exitCode}):\n${log()}`)
    try {
      const res = await fetch(`${origin}/robots.txt`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the site's server did not answer at ${origin} within 60 s:\n${log()}`)
}

/** Copies the build and starts dist/server.mjs on it; env is added to this process's environment. */
export async function startSite(env: (origin: string) => Record<string, string>): Promise<RunningSite> {
  const work = await mkdtemp(join(appDir, '.e2e-'))
  await cp(join(appDir, '.next'), join(work, '.next'), { recursive: true, filter: (src) => !src.includes(`${join('.next', 'cache')}`) })
  await cp(join(appDir, 'public'), join(work, 'public'), { recursive: true })
  await cp(join(appDir, 'lib'), join(work, 'lib'), { recursive: true })
  await cp(join(appDir, 'next.config.ts'), join(work, 'next.config.ts'))
  await cp(join(appDir, 'package.json'), join(work, 'package.json'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  let output = ''
  const child = spawn(process.execPath, [join(appDir, 'dist/server.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: work,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env(origin), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  try {
    await waitUntilUp(origin, child, () => output)
  } catch (e) {
    child.kill('SIGTERM')
    await rm(work, { recursive: true, force: true })
    throw e
  }
  return {
    origin,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
      }
      await rm(work, { recursive: true, force: true })
    },
  }
}
