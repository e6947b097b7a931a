// Starts the built console (server.mjs on a copy of .next, so tests never write into the real build) and the email
// delivery worker, each with its own environment, and stops them again.
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const repo = join(appDir, '..', '..')

export { freePort } from '@signpost/email/testing'

export type Running = { output: () => string; stop: () => Promise<void> }

function run(args: string[], cwd: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = ''
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  return { child, output: () => output }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

export type RunningConsole = Running & { origin: string; port: number }

export async function startConsole(port: number, env: Record<string, string>): Promise<RunningConsole> {
  const work = await mkdtemp(join(appDir, '.e2e-'))
  await cp(join(appDir, '.next'), join(work, '.next'), { recursive: true, filter: (src) => !src.includes(join('.next', 'cache')) })
  for (const f of ['next.config.ts', 'package.json', 'server.mjs']) await cp(join(appDir, f), join(work, f))
  for (const d of ['lib', 'workers']) await cp(join(appDir, d), join(work, d), { recursive: true })
  const { child, output } = run([join(work, 'server.mjs')], work, { STAFF_PORT: String(port), ...env })
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  try {
    while (!/Signpost staff: the console is at/.test(output())) {
      if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}):\n${output()}`)
      if (Date.now() > deadline) throw new Error(`the console did not start within 60 s:\n${output()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  } catch (e) {
    await stopChild(child)
    await rm(work, { recursive: true, force: true })
    throw e
  }
  return {
    origin,
    port,
    output,
    stop: async () => {
      await stopChild(child)
      await rm(work, { recursive: true, force: true })
    },
  }
}

export function startEmailWorker(env: Record<string, string>): Running {
  const { child, output } = run([join(repo, 'apps/email/dist/cli.js'), 'worker'], repo, { EMAIL_WORKER_POLL_MS: '200', ...env })
  return { output, stop: () => stopChild(child) }
}

/** Runs `signpost-email <args>` to the end (e.g. purge) and returns its exit code and output. */
export function runEmailCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { child, output } = run([join(repo, 'apps/email/dist/cli.js'), ...args], repo, env)
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: output() })))
}

/** The one-time link a console printed at start. */
export function oneTimeLinkIn(output: string): string {
  const m = /(http:\/\/\S+\/api\/auth\/once\?token=\S+)/.exec(output)
  if (!m?.[1]) throw new Error(`the console printed no one-time link:\n${output}`)
  return m[1]
}
