// Writes an output file all-or-nothing: into a temporary file beside it, renamed into place only when complete,
// so a failed or interrupted run never leaves a partial PDF where a station would print it.
import { createWriteStream, rmSync, type WriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

export class OutputError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot write ${path}: ${reason}`)
    this.name = 'OutputError'
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder'
    case 'EISDIR':
      return 'it is a folder'
    case 'ENOENT':
      return 'the folder does not exist and cannot be made'
    case 'ENOSPC':
      return 'the disk is full'
    default:
      return err.message ?? String(e)
  }
}

/**
 * Makes sure `dir` exists (creating missing folders one at a time) and is a folder. Not fs.mkdir's recursive
 * mode: on some paths (/proc/…) Node 20 retries it forever instead of failing.
 */
export async function ensureDirectory(dir: string): Promise<void> {
  const target = resolve(dir)
  try {
    const missing: string[] = []
    let current = target
    for (;;) {
      const info = await stat(current).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined
        throw e
      })
      if (info) {
        if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
        break
      }
      missing.unshift(current)
      const parent = dirname(current)
      if (parent === current) break
      current = parent
    }
    for (const folder of missing)
      await mkdir(folder).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e
      })
  } catch (e) {
    throw new OutputError(dir, reason(e))
  }
}

/** Runs `write` against a stream to a temporary file next to `file`, then renames it to `file`. */
export async function writeAtomically<T>(file: string, write: (stream: WriteStream) => Promise<T>): Promise<T> {
  const target = resolve(file)
  await ensureDirectory(dirname(target))
  try {
    if ((await stat(target)).isDirectory()) throw new OutputError(file, 'it is a folder')
  } catch (e) {
    if (e instanceof OutputError) throw e
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`)
  const stream = createWriteStream(temp, { flags: 'wx' })
  // Interrupted (Ctrl-C, kill): remove the temporary file before going.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { force: true })
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    await new Promise<void>((res, rej) => {
      stream.once('open', () => res())
      stream.once('error', rej)
    })
    const result = await write(stream)
    await rename(temp, target)
    return result
  } catch (e) {
    stream.destroy()
    await rm(temp, { force: true })
    if (e instanceof OutputError) throw e
    if ((e as NodeJS.ErrnoException).code) throw new OutputError(file, reason(e))
    throw e
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** Writes bytes all-or-nothing. */
export async function writeFileAtomically(file: string, bytes: Buffer): Promise<void> {
  await writeAtomically(
    file,
    (stream) =>
      new Promise<void>((res, rej) => {
        stream.once('error', rej)
        stream.end(bytes, () => res())
      }),
  )
}
