// The page cache that several site instances share, in PostgreSQL (SIGNPOST_CACHE_URL): what server/cacheHandler.ts
// reads and writes for Next, and the webhook deliveries already acted on (pages/api/revalidate.ts). Entries are keyed
// by the build id, so a new deployment never serves pages rendered by an old one. A database that cannot be reached
// is reported once and then skipped for a few seconds at a time: callers serve their own copies meanwhile, and no
// request waits on a dead server more than once per retry interval.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { describeCacheUrl } from './cacheConfig'

/** version: a fresh id at every write; unchanged: the entry is the version the caller already holds, so its value was not sent. */
export type StoredEntry = { version: string; lastModified: number; value: unknown; cacheControl?: unknown; expired: boolean; unchanged: boolean }
export type WriteProblem = { key: string; at: number; message: string }

export class SharedCacheUnavailableError extends Error {}

export type StoreOptions = {
  /** How long to wait for a connection (ms). */
  connectTimeoutMs?: number
  /** How long one statement may take (ms), on the server and in the client. */
  queryTimeoutMs?: number
  /** After a failure, how long to serve without the database before trying it again (ms). */
  retryAfterMs?: number
  log?: (line: string) => void
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS signpost_page_cache (
  build_id text NOT NULL,
  key text NOT NULL,
  value bytea NOT NULL,
  version text NOT NULL,
  last_modified bigint NOT NULL,
  cache_control jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (build_id, key)
);
CREATE TABLE IF NOT EXISTS signpost_cache_tags (
  tag text PRIMARY KEY,
  revalidated_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS signpost_webhook_deliveries (
  key text PRIMARY KEY,
  remember_until bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS signpost_site_state (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);`

/** Serialises a Next cache value (strings, plain objects, Buffers for App Router bodies, Maps of segments) losslessly. */
export function encodeValue(value: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key]
      if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') }
      if (raw instanceof Map) return { $map: [...raw.entries()] }
      return v
    }),
  )
}

export function decodeValue(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString('utf8'), (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>
      const keys = Object.keys(o)
      if (keys.length === 1 && typeof o.$buffer === 'string') return Buffer.from(o.$buffer, 'base64')
      if (keys.length === 1 && Array.isArray(o.$map)) return new Map(o.$map as [unknown, unknown][])
    }
    return v
  })
}

export class SharedCacheStore {
  readonly where: string
  private readonly pool: pg.Pool
  private readonly retryAfterMs: number
  private readonly log: (line: string) => void
  private schema: Promise<void> | undefined
  private downUntil = 0
  private down = false
  private probing = false
  private readonly problems: WriteProblem[] = []

  constructor(url: URL, options: StoreOptions = {}) {
    this.where = describeCacheUrl(url)
    this.retryAfterMs = options.retryAfterMs ?? 5000
    this.log = options.log ?? ((line) => console.error(line))
    const queryTimeout = options.queryTimeoutMs ?? 3000
    this.pool = new pg.Pool({
      connectionString: url.href,
      max: 10,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      query_timeout: queryTimeout,
      statement_timeout: queryTimeout,
      application_name: 'signpost-web-cache',
    })
    // An idle connection the server drops (a restart, a failover) must not crash the site.
    this.pool.on('error', (e) => this.failed(e))
  }

  private failed(e: unknown): void {
    this.downUntil = Date.now() + this.retryAfterMs
    if (!this.down) {
      this.down = true
      this.log(
        `Signpost: the shared page cache (PostgreSQL at ${this.where}, SIGNPOST_CACHE_URL) cannot be used: ${(e as Error).message || String(e)}. ` +
          `This instance serves its own copies of the pages until it is back (trying again every ${Math.round(this.retryAfterMs / 1000)} s); ` +
          'a webhook it receives meanwhile refreshes only this instance and answers 500, so Sanity sends it again.',
      )
    }
  }

  private recovered(): void {
    if (this.down) {
      this.down = false
      this.log(`Signpost: the shared page cache (PostgreSQL at ${this.where}) is reachable again.`)
    }
  }

  /** Whether the database is taken to be unreachable now (a failure within the last retry interval). */
  get unavailable(): boolean {
    return this.down && Date.now() < this.downUntil
  }

  /** Runs work against the database, unless it failed within the retry interval (then at once: unavailable). */
  private async run<T>(work: (db: pg.Pool) => Promise<T>): Promise<T> {
    if (this.down) {
      // One request at a time finds out whether it is back; the rest are served without waiting on it.
      if (Date.now() < this.downUntil || this.probing) throw new SharedCacheUnavailableError(`the shared page cache at ${this.where} is unavailable`)
      this.probing = true
    }
    try {
      await this.ready()
      const result = await work(this.pool)
      this.recovered()
      return result
    } catch (e) {
      this.failed(e)
      throw e
    } finally {
      this.probing = false
    }
  }

  /** Creates the tables once (several instances starting at once take turns under an advisory lock). */
  ready(): Promise<void> {
    this.schema ??= (async () => {
      const client = await this.pool.connect()
      try {
        await client.query('BEGIN')
        await client.query("SELECT pg_advisory_xact_lock(hashtext('signpost_page_cache schema'))")
        await client.query(SCHEMA)
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    })().catch((e: unknown) => {
      this.schema = undefined
      throw e
    })
    return this.schema
  }

  /** Checks the database now, for the start-up line: creates the tables, or says why it cannot. */
  async check(): Promise<void> {
    await this.run(async (db) => db.query('SELECT 1'))
  }

  /**
   * The entry for key in this build, and whether a tag it carries (or one of extraTags) was revalidated since. When
   * it is still knownVersion (one the caller holds), its value is not read or sent: a page request then costs one
   * small indexed read, not the page's 50-80 KB.
   */
  async get(buildId: string, key: string, extraTags: string[] = [], knownVersion = ''): Promise<StoredEntry | undefined> {
    const { rows } = await this.run((db) =>
      // Named, so each connection plans it once: it runs for every page request.
      db.query<{ value: Buffer | null; version: string; last_modified: string; cache_control: unknown; expired: boolean }>({
        name: 'signpost-page-cache-get',
        text: `SELECT CASE WHEN e.version = $4 THEN NULL ELSE e.value END AS value, e.version, e.last_modified, e.cache_control,
                EXISTS (SELECT 1 FROM signpost_cache_tags t WHERE t.tag = ANY (e.tags || $3::text[]) AND t.revalidated_at >= e.last_modified) AS expired
           FROM signpost_page_cache e WHERE e.build_id = $1 AND e.key = $2`,
        values: [buildId, key, extraTags, knownVersion],
      }),
    )
    const row = rows[0]
    if (!row) return undefined
    const unchanged = row.value === null
    return {
      version: row.version,
      lastModified: Number(row.last_modified),
      value: unchanged ? undefined : decodeValue(row.value as Buffer),
      cacheControl: row.cache_control ?? undefined,
      expired: row.expired,
      unchanged,
    }
  }

  /** Stores an entry and gives its version; with onlyIfNewer, keeps a stored one written later (then undefined). */
  async set(
    buildId: string,
    key: string,
    entry: { value: unknown; lastModified: number; cacheControl?: unknown; tags?: string[] },
    onlyIfNewer = false,
  ): Promise<string | undefined> {
    const version = randomUUID()
    const { rowCount } = await this.run((db) =>
      db.query(
        `INSERT INTO signpost_page_cache (build_id, key, value, version, last_modified, cache_control, tags, updated_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (build_id, key) DO UPDATE
            SET value = EXCLUDED.value, version = EXCLUDED.version, last_modified = EXCLUDED.last_modified,
                cache_control = EXCLUDED.cache_control, tags = EXCLUDED.tags, updated_at = now()
          ${onlyIfNewer ? 'WHERE signpost_page_cache.last_modified < EXCLUDED.last_modified' : ''}`,
        [
          buildId,
          key,
          encodeValue(entry.value),
          version,
          entry.lastModified,
          entry.cacheControl === undefined ? null : JSON.stringify(entry.cacheControl),
          entry.tags ?? [],
        ],
      ),
    )
    return (rowCount ?? 0) > 0 ? version : undefined
  }

  /** Marks tags revalidated at atMs: every entry carrying one, in every build, is a miss from then on. */
  async revalidateTags(tags: string[], atMs: number): Promise<void> {
    if (!tags.length) return
    await this.run((db) =>
      db.query(
        `INSERT INTO signpost_cache_tags (tag, revalidated_at) SELECT unnest($1::text[]), $2
         ON CONFLICT (tag) DO UPDATE SET revalidated_at = GREATEST(signpost_cache_tags.revalidated_at, EXCLUDED.revalidated_at)`,
        [tags, atMs],
      ),
    )
  }

  /** Removes other builds' entries not written for olderThanMs (a rolling deployment's old instances keep theirs meanwhile). */
  async pruneOtherBuilds(buildId: string, olderThanMs: number): Promise<number> {
    const { rowCount } = await this.run((db) =>
      db.query(`DELETE FROM signpost_page_cache WHERE build_id <> $1 AND updated_at < now() - ($2::bigint * interval '1 millisecond')`, [buildId, olderThanMs]),
    )
    return rowCount ?? 0
  }

  /** The first of keys another instance (or this one) already acted on and still remembers at nowMs. */
  async deliverySeen(keys: string[], nowMs: number): Promise<string | undefined> {
    const { rows } = await this.run((db) =>
      db.query<{ key: string }>('SELECT key FROM signpost_webhook_deliveries WHERE key = ANY ($1::text[]) AND remember_until >= $2', [keys, nowMs]),
    )
    const seen = new Set(rows.map((r) => r.key))
    return keys.find((k) => seen.has(k))
  }

  /** Remembers keys as acted on until untilMs, and forgets those past their time. */
  async rememberDelivery(keys: string[], untilMs: number, nowMs: number): Promise<void> {
    await this.run(async (db) => {
      await db.query(
        `INSERT INTO signpost_webhook_deliveries (key, remember_until) SELECT unnest($1::text[]), $2
         ON CONFLICT (key) DO UPDATE SET remember_until = GREATEST(signpost_webhook_deliveries.remember_until, EXCLUDED.remember_until)`,
        [keys, untilMs],
      )
      await db.query('DELETE FROM signpost_webhook_deliveries WHERE remember_until < $1', [nowMs])
    })
  }

  /** A small value every instance shares (the webhook's list of pages as they were at the last revalidation). */
  async getState<T>(name: string): Promise<T | undefined> {
    const { rows } = await this.run((db) => db.query<{ value: T }>('SELECT value FROM signpost_site_state WHERE name = $1', [name]))
    return rows[0]?.value
  }

  async setState(name: string, value: unknown): Promise<void> {
    await this.run((db) =>
      db.query(
        `INSERT INTO signpost_site_state (name, value, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [name, JSON.stringify(value)],
      ),
    )
  }

  /** A page regenerated here that could not be written to the shared cache (the webhook reports it). */
  recordWriteProblem(key: string, e: unknown): void {
    this.problems.push({ key, at: Date.now(), message: (e as Error).message || String(e) })
    if (this.problems.length > 100) this.problems.splice(0, this.problems.length - 100)
  }

  writeProblemsSince(ms: number): WriteProblem[] {
    return this.problems.filter((p) => p.at >= ms)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

type Registry = Map<string, SharedCacheStore>
const REGISTRY = Symbol.for('signpost.sharedCacheStores')

/**
 * One store (one connection pool) per database per process. The cache handler (bundled to dist/cache-handler.mjs)
 * and the webhook route (bundled by Next) are separate copies of this module in one process, so the store is kept
 * on globalThis: the webhook sees the handler's write problems, and the process holds one pool, not two.
 */
export function sharedStore(url: URL, options?: StoreOptions): SharedCacheStore {
  const g = globalThis as typeof globalThis & { [REGISTRY]?: Registry }
  const registry = (g[REGISTRY] ??= new Map())
  let store = registry.get(url.href)
  if (!store) {
    store = new SharedCacheStore(url, options)
    registry.set(url.href, store)
  }
  return store
}
