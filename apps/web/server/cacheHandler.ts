// Next's cacheHandler for several site instances (next.config.ts sets it when SIGNPOST_CACHE_URL is set; built to
// dist/cache-handler.mjs). Every page Next renders, at a webhook's on-demand revalidation or otherwise, is written to
// the shared PostgreSQL store (lib/cacheStore.ts) under this build's id, and every instance reads pages from there, so
// a webhook to one instance refreshes them all. Next's own file-system cache stays underneath: it holds the pages
// prerendered by `next build` (served while the shared store has no newer copy) and this instance's own copy of every
// page it renders, which is what it serves, with a log line, when the database cannot be reached.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache'
import type FileSystemCacheType from 'next/dist/server/lib/incremental-cache/file-system-cache'
import { cacheUrlFromEnv } from '../lib/cacheConfig'
import { sharedStore, type SharedCacheStore } from '../lib/cacheStore'

type GetContext = Parameters<CacheHandler['get']>[1]
type SetContext = Parameters<CacheHandler['set']>[2]
type Value = Parameters<CacheHandler['set']>[1]

const { default: FileSystemCache } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache') as {
  default: typeof FileSystemCacheType
}

/** How long another build's entries are kept after their last write: its instances may still be serving (rolling deploys). */
export const OTHER_BUILDS_KEPT_MS = 7 * 24 * 3600 * 1000

type Held = { version: string; value: CacheHandlerValue['value'] }
/** How many decoded pages an instance holds (each checked against the database at every request before use). */
export const HELD_PAGES = 500

type InstanceState = {
  /** The build this instance serves (.next/BUILD_ID, read once): the first part of every key. */
  buildId: string
  /** The newest version of each page this instance has read or written, decoded: served when the database says it is still current. */
  held: Map<string, Held>
  /** Pages read from this instance's own files (the build's, or its own copies): they change only through this handler. */
  ownHeld: Map<string, CacheHandlerValue>
  /** Pages this instance rendered but could not write to the shared store, with when: served from here until written. */
  unsent: Map<string, number>
  /** For each page read from the shared store, which version (its lastModified) this instance's own files hold. */
  mirrored: Map<string, number>
}
/** Next makes a handler per request: what outlives one is kept here, per build folder (one per instance). */
const instances = new Map<string, InstanceState>()

function buildIdOf(serverDistDir: string | undefined): string {
  if (!serverDistDir) throw new Error('The shared cache handler needs Next.js to give it the build folder (serverDistDir).')
  return readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
}

/** Fallback shells and full pages are different entries under one key in Next's file cache; here they get two keys. */
function storeKey(key: string, ctx: { isFallback?: boolean }): string {
  return ctx.isFallback ? `${key}#fallback` : key
}

function valueTags(value: Value): string[] {
  const headers = value && 'headers' in value ? (value.headers as Record<string, unknown> | undefined) : undefined
  const header = headers?.['x-next-cache-tags']
  return typeof header === 'string' && header ? header.split(',') : []
}

export default class SharedCacheHandler implements CacheHandler {
  private readonly local: FileSystemCacheType
  private readonly store: SharedCacheStore
  private readonly buildId: string
  private readonly held: Map<string, Held>
  private readonly ownHeld: Map<string, CacheHandlerValue>
  private readonly unsent: Map<string, number>
  private readonly mirrored: Map<string, number>

  constructor(ctx: CacheHandlerContext) {
    if (!ctx.fs || !ctx.serverDistDir) throw new Error('The shared cache handler needs the file system and build folder Next.js passes to a cache handler.')
    this.local = new FileSystemCache({ ...ctx, fs: ctx.fs, serverDistDir: ctx.serverDistDir, maxMemoryCacheSize: 0 })
    const url = cacheUrlFromEnv()
    if (!url) throw new Error('The shared cache handler is configured but SIGNPOST_CACHE_URL is not set.')
    this.store = sharedStore(url)
    let state = instances.get(ctx.serverDistDir)
    if (!state) {
      state = { buildId: buildIdOf(ctx.serverDistDir), held: new Map(), ownHeld: new Map(), unsent: new Map(), mirrored: new Map() }
      instances.set(ctx.serverDistDir, state)
      this.store.pruneOtherBuilds(state.buildId, OTHER_BUILDS_KEPT_MS).catch(() => undefined)
    }
    this.buildId = state.buildId
    this.held = state.held
    this.ownHeld = state.ownHeld
    this.unsent = state.unsent
    this.mirrored = state.mirrored
  }

  private hold(id: string, held: Held): void {
    this.held.delete(id)
    this.held.set(id, held)
    if (this.held.size > HELD_PAGES) this.held.delete(this.held.keys().next().value as string)
  }

  /**
   * This instance's own copy of a page (the build's prerendered one, or the last it wrote), read from its files once
   * and then from memory: after a deployment, before any webhook, every page request comes here.
   */
  private async own(key: string, id: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const held = this.ownHeld.get(id)
    if (held) return held
    const found = await this.local.get(key, ctx)
    if (found && (ctx.kind as string) !== 'FETCH') {
      this.ownHeld.set(id, found)
      if (this.ownHeld.size > HELD_PAGES) this.ownHeld.delete(this.ownHeld.keys().next().value as string)
    }
    return found
  }

  /** Writes this instance's own copy of a page, and forgets the one it held. */
  private async writeOwn(key: string, id: string, data: Value, ctx: Parameters<FileSystemCacheType['set']>[2]): Promise<void> {
    this.ownHeld.delete(id)
    try {
      await this.local.set(key, data, ctx)
    } finally {
      // Again after the write: a read while it was under way may have held the file as it was.
      this.ownHeld.delete(id)
    }
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    // Images are not pages: Next's image cache stays on each instance (the site serves none through next/image).
    if ((ctx.kind as string) === 'IMAGE') return this.local.get(key, ctx)
    const id = storeKey(key, ctx as { isFallback?: boolean })
    const extraTags =
      (ctx.kind as string) === 'FETCH' ? [...((ctx as { tags?: string[] }).tags ?? []), ...((ctx as { softTags?: string[] }).softTags ?? [])] : []
    const known = this.held.get(id)
    try {
      const entry = await this.store.get(this.buildId, id, extraTags, known?.version)
      if (entry) {
        // A tag revalidated since it was written: a miss, so Next renders the page afresh (not the older build copy).
        if (entry.expired) return null
        const waiting = this.unsent.get(id)
        if (waiting !== undefined && waiting > entry.lastModified) return this.resend(key, id, ctx)
        const value = entry.unchanged && known ? known.value : (entry.value as CacheHandlerValue['value'])
        if (!entry.unchanged) this.hold(id, { version: entry.version, value })
        const found: CacheHandlerValue = { lastModified: entry.lastModified, value, cacheControl: entry.cacheControl as CacheHandlerValue['cacheControl'] }
        await this.mirror(key, id, ctx, found)
        return found
      }
    } catch {
      // Logged once by the store; this instance's own copy below.
    }
    return this.own(key, id, ctx)
  }

  /**
   * Keeps a copy of a page another instance rendered in this instance's own files, once per version, so that while
   * the database cannot be reached this instance serves the page as the webhook last made it, not the build's copy.
   */
  private async mirror(key: string, id: string, ctx: GetContext, found: CacheHandlerValue): Promise<void> {
    if ((ctx.kind as string) === 'FETCH' || this.mirrored.get(id) === found.lastModified) return
    this.mirrored.set(id, found.lastModified)
    const { isFallback, isRoutePPREnabled } = ctx as { isFallback?: boolean; isRoutePPREnabled?: boolean }
    await this.writeOwn(key, id, found.value, {
      fetchCache: false,
      cacheControl: found.cacheControl,
      isFallback: Boolean(isFallback),
      isRoutePPREnabled,
    }).catch((e: unknown) => {
      this.mirrored.delete(id)
      console.error(`Signpost: could not keep a copy of ${key} from the shared page cache in this instance's files: ${(e as Error).message}`)
    })
  }

  /** This instance's newer copy of a page the shared store missed while it was down: served, and written there now. */
  private async resend(key: string, id: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const mine = await this.own(key, id, ctx)
    const sentAt = this.unsent.get(id)
    if (mine && sentAt !== undefined) {
      try {
        await this.store.set(this.buildId, id, { value: mine.value, lastModified: sentAt, cacheControl: mine.cacheControl, tags: valueTags(mine.value) }, true)
        if (this.unsent.get(id) === sentAt) this.unsent.delete(id)
      } catch {
        // Still down: tried again at the next request.
      }
    }
    return mine
  }

  async set(key: string, data: Value, ctx: SetContext): Promise<void> {
    if ((ctx as { kind?: string }).kind === 'IMAGE') return this.local.set(key, data, ctx as Parameters<FileSystemCacheType['set']>[2])
    // This instance's own copy first: what it serves if the database cannot be reached. A local disk problem must
    // not keep the page from the other instances, so it is logged and the shared write goes ahead.
    const id = storeKey(key, ctx as { isFallback?: boolean })
    await this.writeOwn(key, id, data, ctx as Parameters<FileSystemCacheType['set']>[2]).catch((e: unknown) => {
      console.error(`Signpost: could not keep this instance's copy of ${key}: ${(e as Error).message}`)
    })
    const fetchCache = 'fetchCache' in ctx && ctx.fetchCache
    const lastModified = Date.now()
    const tags = fetchCache ? ((ctx as { tags?: string[] }).tags ?? []) : valueTags(data)
    const cacheControl = fetchCache ? undefined : (ctx as { cacheControl?: unknown }).cacheControl
    try {
      const version = await this.store.set(this.buildId, id, { value: data, lastModified, cacheControl, tags })
      if (version) this.hold(id, { version, value: data as CacheHandlerValue['value'] })
      this.mirrored.set(id, lastModified)
      if ((this.unsent.get(id) ?? 0) <= lastModified) this.unsent.delete(id)
    } catch (e) {
      this.unsent.set(id, lastModified)
      this.store.recordWriteProblem(key, e)
    }
  }

  async revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> {
    const list = typeof tags === 'string' ? [tags] : tags
    await this.local.revalidateTag(list, durations)
    // Every tag revalidation expires at once on every instance (a stale-while-revalidate profile is treated as expiry).
    await this.store.revalidateTags(list, Date.now())
  }

  resetRequestCache(): void {}
}
