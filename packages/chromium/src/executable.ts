// Where the browser for tests comes from: CHROME_PATH, then Debian's /usr/bin/chromium, then the Chromium
// that @sparticuz/chromium unpacks from its npm package (no download, so it works on a machine without apt).
import { existsSync } from 'node:fs'

export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, but there is no file there.`)
    return env.CHROME_PATH
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(path)) return path
  }
  const { default: sparticuz } = await import('@sparticuz/chromium')
  return sparticuz.executablePath()
}
