// One way to start headless Chromium for every test and benchmark: fresh profile, no background traffic.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { chromiumExecutable } from './executable.js'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

export type Browser = {
  context: BrowserContext
  executablePath: string
  close(): Promise<void>
}

type LaunchOptions = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'executablePath'>

/** A persistent context on a new, empty user-data-dir, removed again on close. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromiumExecutable()
  const userDataDir = await mkdtemp(join(tmpdir(), 'signpost-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
  return {
    context,
    executablePath,
    async close() {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
