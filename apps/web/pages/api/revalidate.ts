// POST /api/revalidate: Sanity's webhook. Checks the signature (SANITY_REVALIDATE_SECRET) over the raw body and
// its date (lib/webhookReplay.ts), acts once per delivery (a repeat gets 200 and regenerates nothing), turns the
// changed document into tags (type, type:id) and regenerates every page that depends on them. With several
// instances (SIGNPOST_CACHE_URL), the regenerated pages go to the shared cache every instance reads, the record of
// deliveries is shared too, and a page that could not be written there makes the answer 500, so Sanity retries.
import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import type { NextApiRequest, NextApiResponse, PageConfig } from 'next'
import { join } from 'node:path'
import { allowMethods } from '../../lib/apiRequest'
import { cacheUrlFromEnv } from '../../lib/cacheConfig'
import { onceAcrossInstances } from '../../lib/cacheDeliveries'
import { previousPages, rememberPages } from '../../lib/cachePreviousPages'
import { sharedStore, type SharedCacheStore } from '../../lib/cacheStore'
import { getContent } from '../../lib/content'
import { pageDependencies, pathsForTags, tagsForDocument } from '../../lib/pageTags'
import { BodyTooLargeError, readRawBody } from '../../lib/rawBody'
import { isSanityDocumentId, isSanityTypeName } from '../../lib/sanityIds'
import { applyHeaders } from '../../lib/securityHeaders'
import { siteArea } from '../../lib/site'
import { DeliveryLog, replayWindowFromEnv, signatureTimeProblem } from '../../lib/webhookReplay'

export const config: PageConfig = { api: { bodyParser: false } }

const deliveries = new DeliveryLog(join(process.cwd(), '.next', 'cache', 'signpost-webhook-deliveries.json'))

type Outcome = { status: number; body: Record<string, unknown> }

function sharedCache(): SharedCacheStore | undefined {
  const url = cacheUrlFromEnv()
  return url ? sharedStore(url) : undefined
}

async function regenerate(res: NextApiResponse, _type: string, _id: string, shared: SharedCacheStore | undefined): Promise<Outcome> {
  const tags = tagsForDocument({ _type, _id })
  const content = await getContent()
  const pages = pageDependencies(content, siteArea(content))
  // The pages as they were at the last revalidation (on any instance), so a deleted or renamed document's old page is refreshed too.
  const paths = pathsForTags([...pages, ...(await previousPages(shared))], tags)
  await rememberPages(shared, pages)
  const failed: { path: string; error: string }[] = []
  const started = Date.now()
  for (const path of paths) {
    await res.revalidate(path).catch((e: unknown) => failed.push({ path, error: (e as Error).message }))
  }
  console.error(`Signpost: revalidated ${paths.length - failed.length} page(s) for ${tags.join(', ')}`)
  // Regenerated here but not written to the shared cache: the other instances still serve the old pages.
  const unshared = shared?.writeProblemsSince(started) ?? []
  if (shared && unshared.length) {
    const error =
      `The pages were regenerated on this instance, but ${unshared.length} could not be written to the shared page cache ` +
      `(PostgreSQL at ${shared.where}, SIGNPOST_CACHE_URL): ${unshared[0]?.message}. The other instances still serve the previous pages; ` +
      'this answer is 500 so that Sanity sends the webhook again.'
    console.error(`Signpost: ${error}`)
    return { status: 500, body: { revalidated: false, tags, paths, error, ...(failed.length ? { failed } : {}) } }
  }
  return { status: failed.length ? 500 : 200, body: { revalidated: failed.length === 0, tags, paths, ...(failed.length ? { failed } : {}) } }
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export default async function revalidate(req: NextApiRequest, res: NextApiResponse) {
  applyHeaders(res)
  res.setHeader('Cache-Control', 'no-store')
  if (!allowMethods(req, res, ['POST'])) return
  const secret = process.env.SANITY_REVALIDATE_SECRET
  if (!secret) return res.status(500).json({ error: 'SANITY_REVALIDATE_SECRET is not set on the server.' })

  let body: string
  try {
    body = await readRawBody(req)
  } catch (e) {
    if (!(e instanceof BodyTooLargeError)) throw e
    return res.status(413).json({ error: `${e.message} A Sanity webhook with the projection {_type, _id} sends a few dozen bytes.` })
  }
  const header = req.headers[SIGNATURE_HEADER_NAME]
  if (Array.isArray(header)) return res.status(401).json({ error: `More than one ${SIGNATURE_HEADER_NAME} header.` })
  if (!header) return res.status(401).json({ error: `Missing ${SIGNATURE_HEADER_NAME} header.` })
  const valid = await isValidSignature(body, header, secret).catch(() => false)
  if (!valid) return res.status(401).json({ error: 'Invalid signature.' })

  const now = Date.now()
  const window = replayWindowFromEnv()
  const { timestamp } = decodeSignatureHeader(header)
  const tooOld = signatureTimeProblem(timestamp, now, window)
  if (tooOld) return res.status(401).json({ error: tooOld })

  let doc: unknown
  try {
    doc = JSON.parse(body)
  } catch {
    return res.status(400).json({ error: 'The body is not JSON.' })
  }
  const { _type, _id } = (doc ?? {}) as { _type?: unknown; _id?: unknown }
  if (typeof _type !== 'string' || !_type || typeof _id !== 'string' || !_id) {
    return res.status(400).json({ error: "The body needs the changed document's _type and _id (set the webhook projection to {_type, _id})." })
  }
  if (!isSanityDocumentId(_id)) {
    return res.status(400).json({
      error: `The _id ${JSON.stringify(_id.slice(0, 200))} is not a Sanity document id (up to 128 characters of a-z, A-Z, 0-9, ".", "_" and "-", not starting with "-", no "..").`,
    })
  }
  if (!isSanityTypeName(_type)) {
    return res.status(400).json({ error: `The _type ${JSON.stringify(_type.slice(0, 200))} is not a Sanity type name.` })
  }

  // Each signature, and each delivery's idempotency-key (the same on Sanity's retries), is acted on once.
  const idempotencyKey = first(req.headers['idempotency-key'])
  const keys = [`signature:${header}`, ...(idempotencyKey ? [`idempotency-key:${idempotencyKey}`] : [])]
  // Remembered for as long as the same signature, or a retry of this delivery, could still be accepted.
  const rememberUntil = Math.max(timestamp, now) + (window.toleranceSeconds + window.retrySeconds) * 1000
  const shared = sharedCache()
  const result = await onceAcrossInstances(
    deliveries,
    shared,
    keys,
    now,
    async () => {
      const outcome = await regenerate(res, _type, _id, shared)
      return { ok: outcome.status === 200, value: outcome }
    },
    rememberUntil,
  )
  if (result.duplicateOf || !result.value) {
    const what = result.duplicateOf?.startsWith('idempotency-key:') ? 'idempotency-key' : 'signature'
    console.error(`Signpost: webhook delivery for ${_type} ${_id} already processed (same ${what}); nothing regenerated`)
    return res
      .status(200)
      .json({ revalidated: false, duplicate: true, message: `This delivery (the same ${what}) was already processed, so nothing was regenerated.` })
  }
  res.status(result.value.status).json(result.value.body)
}
