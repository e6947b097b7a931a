// A changed dataset is always built: a copy of the dataset outside the repository, edited in place under the same
// path between two builds (as content:pull or an editor's fix does), makes the second build run again, and the
// site then shows the newest text; a third build with nothing changed is fully cached. The builds go through
// scripts/with-content-stamp.mjs, the way `npm run build` and `npm start` run them. Slow (two real next builds):
// it rewrites apps/web/.next, so run it alone under the build lock: flock /tmp/signpost-build.lock npx vitest run e2e/freshBuild.test.ts
// (it restores the build of the embedded dataset from turbo's cache when it ends).
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { defaultDatasetPath } from '@signpost/content'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { SEED_GUIDE_ID } from './fixtures'
import { GUIDE } from './site'
import { appDir, startSite } from './startSite'

const repo = join(appDir, '..', '..')
let tmp = ''
let dataset = ''

/** Runs the web build as the README's entry points do; returns its output. */
function build(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repo, 'scripts/with-content-stamp.mjs'), 'npx', 'turbo', 'run', 'build', '--filter=@signpost/web...', '--output-logs=new-only'],
      {
        cwd: repo,
        env: { ...env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`the build failed (${code}):\n${output}`))))
  })
}

async function setTitle(title: string) {
  const lines = (await readFile(dataset, 'utf8')).split('\n').map((line) => {
    if (!line.trim()) return line
    const doc = JSON.parse(line) as { _id: string }
    return doc._id === SEED_GUIDE_ID ? JSON.stringify({ ...doc, title }) : line
  })
  await writeFile(dataset, lines.join('\n'))
}

/** The guide's heading as the built site serves it, and what the server said at start. */
async function served(): Promise<{ title: string | undefined; log: string }> {
  const site = await startSite(() => ({ SIGNPOST_DATASET: dataset, SANITY_PROJECT_ID: '', SIGNPOST_AREA: '' }))
  try {
    const html = await (await fetch(`${site.origin}${GUIDE}`)).text()
    return { title: html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1], log: site.output() }
  } finally {
    await site.stop()
  }
}
const servedTitle = async () => (await served()).title

const withoutDataset = () => {
  const env = { ...process.env }
  delete env.SIGNPOST_DATASET
  return env
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'signpost-fresh-build-'))
  dataset = join(tmp, 'production.ndjson')
  await cp(defaultDatasetPath(), dataset)
  await cp(join(dirname(defaultDatasetPath()), 'images'), join(tmp, 'images'), { recursive: true }).catch(() => undefined)
})

afterAll(async () => {
  // Put back the build of the embedded dataset (a cache hit when nothing else changed).
  await build(withoutDataset())
  await rm(tmp, { recursive: true, force: true })
}, 900_000)

test('a dataset edited in place is built again and served; an unchanged one is fully cached', async () => {
  const env = { ...withoutDataset(), SIGNPOST_DATASET: dataset }
  await setTitle('Cyber Crime and Fraud: first edit')
  await build(env)
  expect(await servedTitle()).toBe('Cyber Crime and Fraud: first edit')

  // Same file, same path, new text.
  await setTitle('Cyber Crime and Fraud: second edit')
  const second = await build(env)
  expect(second).not.toContain('FULL TURBO')
  expect(second).toMatch(/@signpost\/web:build: cache miss/)
  // Nothing changed since: every task replays from the cache. (In a work tree that someone is editing while this
  // runs, their change may force one more build; a second try then shows that nothing of ours varies per run.)
  let third = await build(env)
  if (!third.includes('FULL TURBO')) third = await build(env)
  expect(third).toContain('FULL TURBO')
  expect(third).toMatch(/Cached:\s+(\d+) cached, \1 total/)
  const fresh = await served()
  expect(fresh.title).toBe('Cyber Crime and Fraud: second edit')
  expect(fresh.log).not.toContain('built from other content')

  // Edited after the build and served without building: the server says so at start.
  await setTitle('Cyber Crime and Fraud: edited after the build')
  expect((await served()).log).toContain('the pages were built from other content than the source has now')
}, 900_000)
