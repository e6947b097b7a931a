// The bytes of an asset the model points at (the service's logo), for channels that embed it: leaflets draw it and
// emails attach it inline. Embedded datasets give file: URLs, the Content Lake https ones (cdn.sanity.io).
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type LoadAssetOptions = {
  /** How long a web server may take to send the whole file (default 30 seconds). */
  timeoutMs?: number
}

/** Reads a file: URL from disk or fetches an https URL (http only on this machine, for local test servers). */
export async function loadAsset(url: string, options: LoadAssetOptions = {}): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? 30_000
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`Cannot load the asset "${url}": it is not a complete address (expected a file: or https: URL).`)
  }
  if (parsed.protocol === 'file:') {
    try {
      return await readFile(fileURLToPath(parsed))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      throw new Error(`Cannot load the asset ${url}: ${code === 'ENOENT' ? 'there is no such file' : (e as Error).message}.`, { cause: e })
    }
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) {
    throw new Error(`Cannot load the asset ${url}: only file: and https: addresses are loaded.`)
  }
  const failed = (e: unknown): Error => {
    const why =
      (e as Error).name === 'TimeoutError'
        ? `the whole file did not arrive within ${timeoutMs / 1000} seconds`
        : ((e as { cause?: Error }).cause?.message ?? (e as Error).message)
    return new Error(`Cannot load the asset ${url}: ${why}.`, { cause: e })
  }
  const signal = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetch(parsed, { signal, redirect: 'follow' })
  } catch (e) {
    throw failed(e)
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new Error(`Cannot load the asset ${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`)
  }
  try {
    return Buffer.from(await response.arrayBuffer())
  } catch (e) {
    throw failed(e)
  }
}
