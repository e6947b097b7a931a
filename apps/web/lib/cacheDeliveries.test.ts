// Webhook deliveries across instances, against a real PostgreSQL: a delivery one instance acted on is a duplicate on
// every other; one that failed or whose instance died while acting on it is acted on again by the next instance Sanity
// retries; with the database unreachable each instance still refuses its own replays.
import { startPostgres, type TestPostgres } from '@signpost/pgtest'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTcpRelay, type TcpRelay } from '../server/tcpRelay'
import { onceAcrossInstances } from './cacheDeliveries'
import { SharedCacheStore } from './cacheStore'
import { DeliveryLog } from './webhookReplay'

let pg: TestPostgres
let relay: TcpRelay
let store: SharedCacheStore

beforeAll(async () => {
  pg = await startPostgres()
  const url = new URL(await pg.createDatabase('web_deliveries'))
  relay = await startTcpRelay(pg.port)
  url.port = String(relay.port)
  store = new SharedCacheStore(url, { connectTimeoutMs: 500, queryTimeoutMs: 1000, retryAfterMs: 200, log: () => undefined })
}, 60_000)

afterAll(async () => {
  await store?.close()
  await relay?.close()
  await pg?.stop()
})

const MINUTE = 60_000
let runs = 0
const regenerate =
  (ok = true) =>
  async () => {
    runs++
    return { ok, value: ok ? 200 : 500 }
  }

test('a delivery acted on by one instance is a duplicate on another, by signature or by idempotency-key', async () => {
  const a = new DeliveryLog()
  const b = new DeliveryLog()
  const now = Date.now()
  runs = 0
  expect(await onceAcrossInstances(a, store, ['signature:s1', 'idempotency-key:k1'], now, regenerate(), now + 30 * MINUTE)).toEqual({ value: 200 })
  expect(await onceAcrossInstances(b, store, ['signature:s1'], now, regenerate(), now + 30 * MINUTE)).toEqual({ duplicateOf: 'signature:s1' })
  expect(await onceAcrossInstances(b, store, ['signature:resigned', 'idempotency-key:k1'], now, regenerate(), now + 30 * MINUTE)).toEqual({
    duplicateOf: 'idempotency-key:k1',
  })
  expect(runs).toBe(1)
})

test('a delivery that failed, or whose instance died while acting on it, is acted on by the next instance', async () => {
  const now = Date.now()
  runs = 0
  // Answered 500 (say a page could not be written to the shared cache): not remembered, so Sanity's retry acts.
  await onceAcrossInstances(new DeliveryLog(), store, ['idempotency-key:k2'], now, regenerate(false), now + 30 * MINUTE)
  // The instance's process ends in the middle (its work never returns): nothing was remembered either.
  void onceAcrossInstances(new DeliveryLog(), store, ['idempotency-key:k3'], now, () => new Promise(() => undefined), now + 30 * MINUTE)
  expect(await onceAcrossInstances(new DeliveryLog(), store, ['idempotency-key:k2'], now, regenerate(), now + 30 * MINUTE)).toEqual({ value: 200 })
  expect(await onceAcrossInstances(new DeliveryLog(), store, ['idempotency-key:k3'], now, regenerate(), now + 30 * MINUTE)).toEqual({ value: 200 })
  expect(runs).toBe(3)
})

test('with the database unreachable, an instance still refuses a replay of what it acted on itself', async () => {
  const a = new DeliveryLog()
  await relay.set('refuse')
  try {
    const now = Date.now()
    runs = 0
    expect(await onceAcrossInstances(a, store, ['signature:s4'], now, regenerate(), now + 30 * MINUTE)).toEqual({ value: 200 })
    expect(await onceAcrossInstances(a, store, ['signature:s4'], now, regenerate(), now + 30 * MINUTE)).toEqual({ duplicateOf: 'signature:s4' })
    expect(runs).toBe(1)
  } finally {
    await relay.set('relay')
  }
})
