// The webhook's replay window and delivery record: which signature dates are accepted, what the refusal says,
// and that a delivery is acted on once (also across a restart) unless it failed.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { DeliveryLog, replayWindowFromEnv, signatureTimeProblem } from './webhookReplay'

const now = Date.parse('2026-12-01T10:00:00Z')
const window = replayWindowFromEnv({})
const min = 60_000

test("accepts 5 minutes either side of the clock and Sanity's 30-minute retry period in the past", () => {
  expect(window).toEqual({ toleranceSeconds: 300, retrySeconds: 1830 })
  for (const offset of [0, -5 * min, 5 * min, 20 * min, 35 * min + 30_000]) expect(signatureTimeProblem(now - offset, now, window)).toBeUndefined()
})

test('refuses older or future signatures, saying when it was signed and which settings allow what', () => {
  const old = signatureTimeProblem(now - 30 * 24 * 60 * min, now, window)
  expect(old).toContain("dated 2026-11-01T10:00:00.000Z, 30 days before this server's clock")
  expect(old).toContain('SANITY_WEBHOOK_TOLERANCE_SECONDS')
  expect(signatureTimeProblem(now - 36 * min, now, window)).toContain('36 minutes before')
  expect(signatureTimeProblem(now + 6 * min, now, window)).toContain('6 minutes after')
  expect(signatureTimeProblem(now - 6 * min, now, { toleranceSeconds: 300, retrySeconds: 0 })).toContain('6 minutes before')
  expect(() => replayWindowFromEnv({ SANITY_WEBHOOK_TOLERANCE_SECONDS: 'five' })).toThrow('SANITY_WEBHOOK_TOLERANCE_SECONDS must be a number of seconds')
})

test('a delivery is acted on once, a failed one again, and the record survives a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'signpost-deliveries-'))
  const file = join(dir, 'record.json')
  let runs = 0
  const work = (ok: boolean) => async () => ({ ok, value: ++runs })
  const log = new DeliveryLog(file)
  expect(await log.once(['signature:a'], now, work(false), now + 10 * min)).toEqual({ value: 1 })
  expect(await log.once(['signature:a', 'idempotency-key:k'], now, work(true), now + 10 * min)).toEqual({ value: 2 })
  expect(await log.once(['signature:a'], now, work(true), now + 10 * min)).toEqual({ duplicateOf: 'signature:a' })
  expect(await log.once(['signature:b', 'idempotency-key:k'], now, work(true), now + 10 * min)).toEqual({ duplicateOf: 'idempotency-key:k' })
  const restarted = new DeliveryLog(file)
  expect(await restarted.once(['signature:a'], now, work(true), now + 10 * min)).toEqual({ duplicateOf: 'signature:a' })
  expect(await restarted.once(['signature:a'], now + 11 * min, work(true), now + 20 * min)).toEqual({ value: 3 })
  await rm(dir, { recursive: true, force: true })
})

test('two copies of one delivery arriving together regenerate once', async () => {
  let runs = 0
  const log = new DeliveryLog()
  const slow = async () => {
    runs++
    await new Promise((r) => setTimeout(r, 50))
    return { ok: true, value: runs }
  }
  const [a, b] = await Promise.all([log.once(['signature:x'], now, slow, now + min), log.once(['signature:x'], now, slow, now + min)])
  expect(runs).toBe(1)
  expect([a, b]).toEqual([{ value: 1 }, { duplicateOf: 'signature:x' }])
})
