// Starts the built site (`next start` on a copy of .next, so tests never write into the real build) on a
// free port, reading a temp copy of the dataset, with test secrets. Tests read the details with inject().
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { copyDatasetImages, testDatasetText } from './fixtures'

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string
    datasetFile: string
    revalidateSecret: string
    previewSecret: string
    outboxFile: string
  }
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..')

async function freePort(): Promise<number> {
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
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log()}`)
    try {
      const res = await fetch(`${origin}/robots.txt`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`next start did not answer at ${origin} within 60 s:\n${log()}`)
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(appDir, '.e2e-'))
  const tmp = await mkdtemp(join(tmpdir(), 'signpost-web-e2e-'))
  // The server runs from a copy of the app (build output, public files, config) inside apps/web, so node
  // resolves packages as usual while on-demand revalidation writes only into the copy.
  await cp(join(appDir, '.next'), join(work, '.next'), { recursive: true, filter: (src) => !src.includes(`${join('.next', 'cache')}`) })
  await cp(join(appDir, 'public'), join(work, 'public'), { recursive: true })
  await cp(join(appDir, 'lib'), join(work, 'lib'), { recursive: true })
  await cp(join(appDir, 'next.config.ts'), join(work, 'next.config.ts'))
  await cp(join(appDir, 'package.json'), join(work, 'package.json'))

  const datasetFile = join(tmp, 'dataset.ndjson')
  await writeFile(datasetFile, await testDatasetText())
  await copyDatasetImages(tmp)
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const secrets = { revalidateSecret: 'test-webhook-secret', previewSecret: 'test-preview-secret' }
  const outboxFile = join(tmp, 'outbox.sqlite')
  const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next')
  let output = ''
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: work,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SIGNPOST_DATASET: datasetFile,
      SIGNPOST_SITE_URL: origin,
      SIGNPOST_AREA: '',
      SANITY_PROJECT_ID: '',
      SANITY_REVALIDATE_SECRET: secrets.revalidateSecret,
      SIGNPOST_PREVIEW_SECRET: secrets.previewSecret,
      EMAIL_DB: outboxFile,
      EMAIL_OUTBOX_DIR: join(tmp, 'mail'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  await waitUntilUp(origin, child, () => output)

  project.provide('origin', origin)
  project.provide('datasetFile', datasetFile)
  project.provide('outboxFile', outboxFile)
  project.provide('revalidateSecret', secrets.revalidateSecret)
  project.provide('previewSecret', secrets.previewSecret)

  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    if (process.env.SIGNPOST_E2E_SERVER_LOG) console.log(output)
    await rm(work, { recursive: true, force: true })
    await rm(tmp, { recursive: true, force: true })
  }
}
