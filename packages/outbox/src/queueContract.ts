// The one test suite every queue backend must pass (issue 13: one interface, two backends, one shared suite, so they
// cannot drift). queue.sqlite.test.ts runs it against SQLite and queue.postgres.test.ts against a real PostgreSQL.
// `makeStore` gives a fresh, empty queue; its `reopen` gives a second store on the same data, as a second process
// (another API instance, a worker on another host) would see it, so races between processes are tested for real.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { keyDigest } from './digest.js'
import type { EnqueueInput, QueueBehaviour, QueueStore } from './store.js'
import { IdempotencyConflictError, RateLimitError } from './store.js'
import { createQueueWorker, type ChannelHandler } from './worker.js'

export type ContractStore = {
  store: QueueStore
  /** Another store on the same data (its own connection), with the same options unless given others. */
  reopen(options?: QueueBehaviour): Promise<QueueStore>
  /** Everything that can be read from the backend's own files, as text (latin1), when the backend can show it. */
  rawText?(): Promise<string>
  /** Removes the data (the stores are closed by the suite first). */
  cleanup(): Promise<void>
}

export type MakeStore = (options: QueueBehaviour) => Promise<ContractStore>

const T0 = Date.parse('2026-12-01T10:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A text to +4477009001nn (n < 100), with every field the queue stores. */
export const contractText = (n: number, over: Partial<EnqueueInput> = {}): EnqueueInput => {
  const nn = String(n).padStart(2, '0')
  return {
    channel: 'sms',
    origin: 'cli',
    guide: 'cyber-crime-and-fraud',
    area: 'derbyshire',
    options: { neutral: false },
    recipient: { address: `+4477009001${nn}`, key: `+4477009001${nn}`, masked: `07*** ***1${nn}` },
    requestDigest: `d-${n}`,
    reference: `ref-${n}`,
    snapshot: { body: `Hello ${n}` },
    limit: { limit: 5, windowMs: HOUR, what: 'advice texts' },
    ...over,
  }
}

/** An email to rNN@example.com with a name, a rendered snapshot in Urdu and markup. */
export const contractEmail = (n: number, over: Partial<EnqueueInput> = {}): EnqueueInput => ({
  ...contractText(n),
  channel: 'email',
  options: { attachLeaflet: true, neutral: true },
  recipient: { address: `r${n}@example.com`, name: `Jo Bloggs ${n}`, key: `r${n}@example.com`, masked: `r***@example.com` },
  reference: `<e${n}@signpost.invalid>`,
  snapshot: { subject: 'Cyber Crime and Fraud', html: '<p dir="rtl">سائبر کرائم اور فراڈ</p><script>x</script>', text: 'سائبر کرائم 0800 612 6505' },
  ...over,
})

/** A pid on this host that is certainly not running any more (a process that has exited). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(r.stdout)
}

const recording = (sent: string[], delayMs = 0): ChannelHandler => ({
  referenceName: 'reference',
  prepare: async (m) => m,
  send: async (m) => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
    sent.push(`${m.channel}:${m.reference}:${JSON.stringify(m.snapshot)}`)
    return { where: 'test' }
  },
  classify: (e) => ({ permanent: false, message: String(e) }),
})

export function describeQueueContract(name: string, makeStore: MakeStore): void {
  describe(`the queue contract: ${name}`, () => {
    let now = T0
    const clock = () => now
    const opened: ContractStore[] = []
    const extra: QueueStore[] = []
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close()
      for (const c of opened.splice(0)) {
        await c.store.close()
        await c.cleanup()
      }
      now = T0
    })
    async function fresh(options: QueueBehaviour = {}): Promise<ContractStore> {
      const c = await makeStore({ now: clock, ...options })
      opened.push(c)
      return c
    }
    async function second(c: ContractStore, options?: QueueBehaviour): Promise<QueueStore> {
      const s = await c.reopen(options)
      extra.push(s)
      return s
    }

    describe('storing and reading messages', () => {
      it('keeps what was queued (options, masked recipient, reference) and shows only the masked recipient', async () => {
        const { store } = await fresh()
        const r = await store.enqueue(contractEmail(1, { apiClient: 'client-a', origin: 'api' }))
        expect(r.created).toBe(true)
        const m = await store.get(r.id)
        expect(m).toEqual({
          id: r.id,
          channel: 'email',
          status: 'queued',
          origin: 'api',
          guide: 'cyber-crime-and-fraud',
          area: 'derbyshire',
          options: { attachLeaflet: true, neutral: true },
          to: 'r***@example.com',
          reference: '<e1@signpost.invalid>',
          attempts: 0,
          createdAt: new Date(T0).toISOString(),
          nextAttemptAt: new Date(T0).toISOString(),
          purged: false,
        })
        expect(JSON.stringify(m)).not.toContain('r1@example.com')
        expect(JSON.stringify(m)).not.toContain('Jo Bloggs')
        expect(await store.get(r.id, { channel: 'sms' })).toBeUndefined()
        expect(await store.get('00000000-0000-0000-0000-000000000000')).toBeUndefined()
      })

      it('lets an API client read only its own messages', async () => {
        const { store } = await fresh()
        const mine = (await store.enqueue(contractText(1, { apiClient: 'client-a', origin: 'api' }))).id
        const cli = (await store.enqueue(contractText(2))).id
        expect((await store.getForApiClient(mine, 'client-a'))?.id).toBe(mine)
        expect(await store.getForApiClient(mine, 'client-b')).toBeUndefined()
        expect(await store.getForApiClient(cli, 'client-a')).toBeUndefined()
        expect(await store.getForApiClient(mine, 'client-a', { channel: 'email' })).toBeUndefined()
      })

      it('lists newest first, by status and channel, and counts every state', async () => {
        const { store } = await fresh()
        const ids: string[] = []
        for (let i = 1; i <= 3; i++) {
          ids.push((await store.enqueue(contractText(i))).id)
          now += 1000
        }
        const mail = (await store.enqueue(contractEmail(4))).id
        // Two in the same millisecond keep the order they were queued in.
        const same1 = (await store.enqueue(contractText(5))).id
        const same2 = (await store.enqueue(contractText(6))).id
        expect((await store.list()).map((m) => m.id)).toEqual([same2, same1, mail, ids[2], ids[1], ids[0]])
        expect((await store.list({ limit: 2 })).map((m) => m.id)).toEqual([same2, same1])
        expect((await store.list({ channel: 'email' })).map((m) => m.id)).toEqual([mail])
        await store.cancel(ids[0]!, 'Sam')
        expect((await store.list({ status: 'cancelled' })).map((m) => m.id)).toEqual([ids[0]])
        expect(await store.counts()).toEqual({ queued: 5, sending: 0, sent: 0, retrying: 0, failed: 0, cancelled: 1 })
        expect(await store.counts({ channel: 'email' })).toEqual({ queued: 1, sending: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 })
      })

      it('keeps a rendering in Urdu with markup and an attachment with raw bytes exactly', async () => {
        const { store } = await fresh()
        const id = (await store.enqueue(contractEmail(1, { snapshot: undefined }))).id
        const urdu = { subject: 'سائبر کرائم', html: '<p dir="rtl">اردو &amp; <b>"quotes"</b></p>', text: 'NUL-free \u202e text' }
        await store.saveSnapshot(id, urdu)
        await store.saveSnapshot(id, { subject: 'a later rendering is not kept' })
        const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x80])
        await store.saveAttachment(id, { fileName: 'leaflet.pdf', content: pdf })
        await store.saveAttachment(id, { fileName: 'other.pdf', content: Buffer.from('other') })
        const [claimed] = await store.claim(1)
        expect(claimed?.snapshot).toEqual(urdu)
        expect(claimed?.attachment?.fileName).toBe('leaflet.pdf')
        expect(Buffer.compare(claimed?.attachment?.content ?? Buffer.alloc(0), pdf)).toBe(0)
        expect(claimed).toMatchObject({ address: 'r1@example.com', name: 'Jo Bloggs 1' })
      })
    })

    describe('idempotency keys', () => {
      it('answers the same key and request with the first id, and refuses the same key with another request', async () => {
        const { store } = await fresh()
        const first = await store.enqueue(contractText(1, { idempotencyKey: 'case-42' }))
        expect(await store.enqueue(contractText(1, { idempotencyKey: 'case-42' }))).toEqual({ id: first.id, created: false })
        const conflict = store.enqueue(contractText(2, { idempotencyKey: 'case-42', conflictMessage: 'idempotencyKey: used for another number' }))
        await expect(conflict).rejects.toBeInstanceOf(IdempotencyConflictError)
        await expect(store.enqueue(contractText(2, { idempotencyKey: 'case-42' }))).rejects.toThrow(/idempotencyKey: this idempotency key was already used/)
        expect((await store.counts()).queued).toBe(1)
        // A repeat does not use up the recipient's allowance.
        for (let i = 0; i < 10; i++) await store.enqueue(contractText(1, { idempotencyKey: 'case-42' }))
        expect((await store.enqueue(contractText(1, { reference: 'ref-1b' }))).created).toBe(true)
      })

      it('keeps only a digest of the key', async () => {
        const c = await fresh()
        await c.store.enqueue(contractText(1, { idempotencyKey: 'secret-case-number-7781' }))
        if (c.rawText) {
          const raw = await c.rawText()
          expect(raw).not.toContain('secret-case-number-7781')
          expect(raw).toContain(keyDigest('secret-case-number-7781'))
        }
      })

      it('makes one message when two processes send the same key at the same moment', async () => {
        const c = await fresh()
        const other = await second(c)
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? c.store : other).enqueue(contractText(1, { idempotencyKey: 'same', reference: `r-${i}` }))),
        )
        expect(new Set(results.map((r) => r.id)).size).toBe(1)
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect((await c.store.counts()).queued).toBe(1)
      })
    })

    describe("a recipient's limit", () => {
      it('refuses more than the limit in the window, says when to try again, and allows again after it', async () => {
        const { store } = await fresh()
        const limit = { limit: 2, windowMs: HOUR, what: 'advice texts' }
        await store.enqueue(contractText(1, { limit, reference: 'a' }))
        now += 10 * 60_000
        await store.enqueue(contractText(1, { limit, reference: 'b' }))
        const refused = await store.enqueue(contractText(1, { limit, reference: 'c' })).catch((e: unknown) => e)
        expect(refused).toBeInstanceOf(RateLimitError)
        expect((refused as RateLimitError).retryAfterMs).toBe(50 * 60_000)
        expect((refused as RateLimitError).message).toBe('Too many advice texts to 07*** ***101: at most 2 in 60 minutes. Try again in 50 minutes.')
        expect((await store.enqueue(contractText(2, { limit, reference: 'd' }))).created).toBe(true) // another recipient
        now += 50 * 60_000 + 1
        expect((await store.enqueue(contractText(1, { limit, reference: 'e' }))).created).toBe(true)
      })

      it('holds exactly across two processes queueing for one recipient at once', async () => {
        const c = await fresh()
        const other = await second(c)
        const limit = { limit: 3, windowMs: HOUR, what: 'advice texts' }
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? c.store : other).enqueue(contractText(1, { limit, reference: `r-${i}` }))),
        )
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3)
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RateLimitError)
        expect((await c.store.counts()).queued).toBe(3)
      })
    })

    describe('claims and leases', () => {
      it('claims due messages oldest first, moving them to sending; a message not yet due, or of another channel, stays', async () => {
        const { store } = await fresh({ retry: { sms: { baseMs: 60_000 } } })
        const a = (await store.enqueue(contractText(1))).id
        now += 1
        const b = (await store.enqueue(contractText(2))).id
        now += 1
        const mail = (await store.enqueue(contractEmail(3))).id
        const claimed = await store.claim(10, { channels: ['sms'], workerId: 'host-a:1' })
        expect(claimed.map((m) => m.id)).toEqual([a, b])
        expect(claimed[0]).toMatchObject({ status: 'sending', attempts: 1, address: '+447700900101', snapshot: { body: 'Hello 1' } })
        expect((await store.get(mail))?.status).toBe('queued')
        expect(await store.claim(10, { channels: ['sms'] })).toEqual([])
        expect(await store.recordFailure(a, { permanent: false, message: 'busy' })).toBe('retrying')
        expect(await store.claim(10, { channels: ['sms'] })).toEqual([]) // back-off: not due for a minute
        // One given id is taken whatever its due time (the CLI's "send now").
        expect((await store.claim(1, { id: a, channels: ['sms'] })).map((m) => m.attempts)).toEqual([2])
        expect(await store.claim(1, { id: mail, channels: ['sms'] })).toEqual([])
      })

      it('never gives one message to two workers claiming at once from two processes', async () => {
        const c = await fresh()
        const other = await second(c)
        for (let i = 0; i < 40; i++) await c.store.enqueue(contractText(i % 99, { reference: `r-${i}`, limit: { limit: 100, windowMs: HOUR, what: 'x' } }))
        const rounds = await Promise.all([
          ...Array.from({ length: 6 }, (_, i) => c.store.claim(5, { workerId: `host-a:${i}` })),
          ...Array.from({ length: 6 }, (_, i) => other.claim(5, { workerId: `host-b:${i}` })),
        ])
        const ids = rounds.flat().map((m) => m.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.length).toBe(40)
        expect((await c.store.counts()).sending).toBe(40)
      })

      it('takes back a claim not renewed within the lease, never one renewed in time, and tells the late worker', async () => {
        const c = await fresh({ leaseMs: 60_000 })
        const other = await second(c)
        const renewed = (await c.store.enqueue(contractText(1))).id
        const stale = (await c.store.enqueue(contractText(2))).id
        await c.store.claim(2, { workerId: 'other-host:1' })
        now += 40_000
        expect(await c.store.renewClaims([renewed], 'other-host:1')).toEqual([])
        now += 30_000 // 70 s since the claim, 30 s since the renewal
        expect(await other.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 1 })
        expect(await c.store.get(renewed)).toMatchObject({ status: 'sending', attempts: 1 })
        expect(await c.store.get(stale)).toMatchObject({
          status: 'retrying',
          attempts: 1,
          lastError: 'Interrupted while sending; sending again.',
          reference: 'ref-2',
        })
        expect(await c.store.renewClaims([renewed, stale], 'other-host:1')).toEqual([stale])
        expect(await c.store.renewClaims([renewed], 'someone-else:2')).toEqual([renewed])
        const [again] = await other.claim(5, { workerId: 'host-b:1' })
        expect(again).toMatchObject({ id: stale, attempts: 2, reference: 'ref-2' })
      })

      it('a claim whose worker on this host is gone: SQLite takes it back at once, PostgreSQL after its lease; never one from a live worker', async () => {
        // One machine (SQLite): a pid that no longer runs is certain. Several machines (PostgreSQL): host:pid can repeat
        // across containers, so only the lease decides there.
        const { store } = await fresh({ leaseMs: 60_000 })
        const dead = (await store.enqueue(contractText(1))).id
        const remote = (await store.enqueue(contractText(2))).id
        const mine = (await store.enqueue(contractText(3))).id
        const { hostname } = await import('node:os')
        const { WORKER_ID } = await import('./policy.js')
        await store.claim(1, { id: dead, workerId: `${hostname()}:${deadPid()}` })
        await store.claim(1, { id: remote, workerId: 'another-host:1' })
        await store.claim(1, { id: mine })
        expect(await store.recoverAbandoned({ channels: ['email'] })).toEqual({ ownerGone: 0, notRenewed: 0 })
        if (store.backend === 'sqlite') {
          expect(await store.recoverAbandoned()).toEqual({ ownerGone: 1, notRenewed: 0 })
        } else {
          expect(await store.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 0 })
          now += 30_000
          expect(await store.renewClaims([remote], 'another-host:1')).toEqual([])
          expect(await store.renewClaims([mine], WORKER_ID)).toEqual([])
          now += 30_001
          expect(await store.recoverAbandoned()).toEqual({ ownerGone: 0, notRenewed: 1 })
        }
        expect((await store.get(dead))?.status).toBe('retrying')
        expect((await store.get(remote))?.status).toBe('sending')
        expect((await store.get(mine))?.status).toBe('sending')
      })

      it('a live worker renews its claims while a slow send goes on, so another process never takes them back', async () => {
        // Real time here: the heartbeat is a real timer. The lease is short; each send takes several leases.
        const c = await makeStore({ leaseMs: 300 })
        opened.push(c)
        const other = await c.reopen({ leaseMs: 300 })
        extra.push(other)
        for (let i = 1; i <= 3; i++) await c.store.enqueue(contractText(i))
        const sent: string[] = []
        const worker = createQueueWorker({ queue: c.store, channels: { sms: recording(sent, 1200) }, log: () => {}, workerId: 'host-a:1' })
        const round = worker.runOnce()
        let takenBack = 0
        const watcher = (async () => {
          for (let i = 0; i < 12; i++) {
            await new Promise((r) => setTimeout(r, 100))
            takenBack += (await other.recoverAbandoned()).notRenewed
          }
        })()
        expect(await round).toEqual({ sent: 3, retrying: 0, failed: 0 })
        await watcher
        expect(takenBack).toBe(0)
        expect(sent).toHaveLength(3)
        expect(await c.store.counts()).toMatchObject({ sent: 3, sending: 0, retrying: 0 })
      })
    })

    describe('outcomes', () => {
      it('retries with back-off, masking the recipient in stored replies, and fails for good after the last attempt', async () => {
        const { store } = await fresh({ retry: { email: { baseMs: 1000, capMs: 5000, maxAttempts: 3 } } })
        const id = (await store.enqueue(contractEmail(1))).id
        await store.claim(1)
        expect(
          await store.recordFailure(id, { permanent: false, responseCode: 451, message: '451 <r1@example.com> (Jo Bloggs 1) try later; cc x.y@example.org' }),
        ).toBe('retrying')
        expect(await store.get(id)).toMatchObject({
          status: 'retrying',
          lastResponseCode: 451,
          lastError: '451 <r***@example.com> ([recipient]) try later; cc x***@example.org',
          nextAttemptAt: new Date(now + 1000).toISOString(),
        })
        now += 1000
        await store.claim(1)
        await store.recordFailure(id, { permanent: false, message: 'busy', retryAfterMs: 4000 })
        expect((await store.get(id))?.nextAttemptAt).toBe(new Date(now + 4000).toISOString()) // the server asked for longer than 2 s
        now += 4000
        await store.claim(1)
        expect(await store.recordFailure(id, { permanent: false, message: 'busy again' })).toBe('failed')
        expect(await store.get(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Gave up after 3 attempts. Last error: busy again' })
        expect((await store.get(id))?.finishedAt).toBe(new Date(now).toISOString())
        expect(await store.recordFailure('no-such-id', { permanent: true, message: 'x' })).toBe('failed')
      })

      it('fails at once on a permanent refusal and sends a failed message again on retry, not a sent or cancelled one', async () => {
        const { store } = await fresh()
        const failed = (await store.enqueue(contractText(1))).id
        const sent = (await store.enqueue(contractText(2))).id
        const cancelled = (await store.enqueue(contractText(3))).id
        await store.cancel(cancelled, 'Sam Supervisor')
        await store.claim(2)
        expect(await store.recordFailure(failed, { permanent: true, responseCode: 550, message: '550 no such user' })).toBe('failed')
        await store.markSent(sent, { where: 'smtp 127.0.0.1:25', response: '250 ok' })
        expect(await store.get(sent)).toMatchObject({ status: 'sent', deliveredTo: 'smtp 127.0.0.1:25', sentAt: new Date(now).toISOString() })
        const back = await store.retry(failed)
        expect(back).toMatchObject({ status: 'retrying', attempts: 0, nextAttemptAt: new Date(now).toISOString() })
        expect(back.finishedAt).toBeUndefined()
        await expect(store.retry(sent)).rejects.toThrow(`Message ${sent} is sent; only failed, queued or retrying messages can be retried.`)
        await expect(store.retry(cancelled)).rejects.toThrow(`Message ${cancelled} was cancelled by Sam Supervisor; a cancelled message is never sent.`)
        await expect(store.retry('nope')).rejects.toThrow('No message with id nope.')
        await expect(store.retry(failed, { channel: 'email' })).rejects.toThrow(`No message with id ${failed}.`)
      })

      it("keeps a text open until its receipt; an old attempt's receipt changes nothing; a temporary failure sends it again", async () => {
        const { store } = await fresh({ retry: { sms: { baseMs: 1000 } } })
        const id = (await store.enqueue(contractText(23))).id
        await store.claim(1)
        await store.markSent(id, { where: 'GOV.UK Notify', providerId: 'n-1', awaitingReceipt: true })
        expect(await store.get(id)).toMatchObject({ status: 'sent', providerId: 'n-1' })
        expect((await store.get(id))?.finishedAt).toBeUndefined()
        expect((await store.findByProviderId('n-1'))?.id).toBe(id)
        expect((await store.awaitingReceipt({ channel: 'sms', sentBefore: now })).map((m) => m.id)).toEqual([id])
        expect(await store.awaitingReceipt({ channel: 'sms', sentBefore: now - 1 })).toEqual([])
        expect(await store.recordReceipt('n-1', { status: 'sending', outcome: 'pending' })).toMatchObject({ status: 'sent', receipt: { status: 'sending' } })
        expect(await store.recordReceipt('n-1', { status: 'temporary-failure', outcome: 'retry', reason: 'phone +447700900123 off' })).toMatchObject({
          status: 'retrying',
          lastError: 'phone 07*** ***123 off',
          nextAttemptAt: new Date(now + 1000).toISOString(),
        })
        now += 1000
        const [again] = await store.claim(1)
        expect(again?.reference).toBe('ref-23')
        await store.markSent(id, { where: 'GOV.UK Notify', providerId: 'n-2', awaitingReceipt: true })
        expect(await store.recordReceipt('n-1', { status: 'delivered', outcome: 'delivered' })).toBeUndefined()
        expect((await store.get(id))?.finishedAt).toBeUndefined()
        expect(await store.recordReceipt('n-2', { status: 'delivered', outcome: 'delivered' })).toMatchObject({
          status: 'sent',
          receipt: { status: 'delivered' },
        })
        expect((await store.get(id))?.finishedAt).toBe(new Date(now).toISOString())
        expect(await store.recordReceipt('n-2', { status: 'permanent-failure', outcome: 'failed' })).toMatchObject({ status: 'sent' }) // finished: unchanged
        expect(await store.recordReceipt('unknown', { status: 'delivered', outcome: 'delivered' })).toBeUndefined()
      })

      it('a permanent-failure receipt fails the text with its reason', async () => {
        const { store } = await fresh()
        const id = (await store.enqueue(contractText(4))).id
        await store.claim(1)
        await store.markSent(id, { where: 'GOV.UK Notify', providerId: 'n-4', awaitingReceipt: true })
        expect(await store.recordReceipt('n-4', { status: 'permanent-failure', outcome: 'failed', reason: 'not a real number' })).toMatchObject({
          status: 'failed',
          lastError: 'not a real number',
          receipt: { status: 'permanent-failure', at: new Date(now).toISOString() },
        })
      })
    })

    describe('cancelling', () => {
      it('cancels queued and retrying messages for good; no worker sends them', async () => {
        const { store } = await fresh({ retry: { sms: { baseMs: 1000 } } })
        const queued = (await store.enqueue(contractText(1))).id
        const waiting = (await store.enqueue(contractText(2))).id
        const kept = (await store.enqueue(contractText(3))).id
        await store.claim(1, { id: waiting })
        await store.recordFailure(waiting, { permanent: false, message: 'busy' })
        expect(await store.cancel(queued, 'Sam Supervisor')).toMatchObject({
          cancelled: true,
          message: { id: queued, status: 'cancelled', cancelledBy: 'Sam Supervisor' },
        })
        expect(await store.cancel(waiting, 'Sam Supervisor')).toMatchObject({ cancelled: true, message: { status: 'cancelled' } })
        expect((await store.get(queued))?.nextAttemptAt).toBeUndefined()
        expect((await store.get(queued))?.finishedAt).toBe(new Date(now).toISOString())
        now += 60_000
        expect(await store.claim(10, { id: queued })).toEqual([])
        const sent: string[] = []
        const worker = createQueueWorker({ queue: store, channels: { sms: recording(sent) }, log: () => {} })
        expect(await worker.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
        expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
        expect(sent).toEqual(['sms:ref-3:{"body":"Hello 3"}'])
        expect((await store.get(kept))?.status).toBe('sent')
        expect(await store.cancel(queued, 'someone else')).toEqual({
          cancelled: false,
          status: 'cancelled',
          reason: `Message ${queued} was not cancelled: it was already cancelled by Sam Supervisor.`,
        })
      })

      it('refuses a message being sent, sent, failed or unknown, in plain words', async () => {
        const { store } = await fresh()
        const sending = (await store.enqueue(contractText(1))).id
        const sent = (await store.enqueue(contractText(2))).id
        const failed = (await store.enqueue(contractText(3))).id
        await store.claim(3)
        await store.markSent(sent, { where: 'test' })
        await store.recordFailure(failed, { permanent: true, message: 'no such number' })
        expect(await store.cancel(sending, 'Sam')).toEqual({
          cancelled: false,
          status: 'sending',
          reason: `Message ${sending} was not cancelled: it is being sent right now, so it can no longer be stopped.`,
        })
        expect(await store.cancel(sent, 'Sam')).toEqual({ cancelled: false, status: 'sent', reason: `Message ${sent} was not cancelled: it was already sent.` })
        expect(await store.cancel(failed, 'Sam')).toEqual({
          cancelled: false,
          status: 'failed',
          reason: `Message ${failed} was not cancelled: it already failed and will not be sent.`,
        })
        expect(await store.cancel('no-such-id', 'Sam')).toEqual({ cancelled: false, reason: 'No message with id no-such-id.' })
        const other = (await store.enqueue(contractText(4))).id
        expect(await store.cancel(other, 'Sam', { channel: 'email' })).toEqual({ cancelled: false, reason: `No message with id ${other}.` })
        expect((await store.get(other))?.status).toBe('queued')
      })

      it('against a worker claiming at the same moment in another process, exactly one of the two wins for every message', async () => {
        const c = await fresh()
        const other = await second(c)
        const ids: string[] = []
        for (let i = 0; i < 30; i++) ids.push((await c.store.enqueue(contractText(i, { limit: { limit: 100, windowMs: HOUR, what: 'x' } }))).id)
        const [cancels, claims] = await Promise.all([
          Promise.all(ids.map((id) => c.store.cancel(id, 'Sam'))),
          Promise.all(ids.map((id) => other.claim(1, { id, workerId: 'host-b:1' }))),
        ])
        for (let i = 0; i < ids.length; i++) {
          const cancelled = cancels[i]?.cancelled === true
          const claimed = (claims[i]?.length ?? 0) === 1
          expect(cancelled !== claimed).toBe(true)
          expect((await c.store.get(ids[i]!))?.status).toBe(cancelled ? 'cancelled' : 'sending')
        }
      })
    })

    describe('purge and retention', () => {
      it('erases recipients of messages finished before the retention period, and only those', async () => {
        const c = await fresh({ retentionMs: DAY })
        const { store } = c
        const sent = (await store.enqueue(contractEmail(1))).id
        const failed = (await store.enqueue(contractEmail(2))).id
        const cancelled = (await store.enqueue(contractEmail(3))).id
        const awaiting = (await store.enqueue(contractText(4))).id
        const queued = (await store.enqueue(contractEmail(5))).id
        await store.claim(1, { id: sent })
        await store.claim(1, { id: failed })
        await store.claim(1, { id: awaiting })
        await store.markSent(sent, { where: 'test' })
        await store.recordFailure(failed, { permanent: true, message: '550 <r2@example.com> unknown' })
        await store.cancel(cancelled, 'Sam')
        await store.markSent(awaiting, { where: 'GOV.UK Notify', providerId: 'n-4', awaitingReceipt: true })
        now += DAY - 1
        expect((await store.purge()).erased).toBe(0)
        const recent = (await store.enqueue(contractEmail(6))).id
        await store.claim(1, { id: recent })
        await store.markSent(recent, { where: 'test' })
        now += 2
        const result = await store.purge()
        expect(result.erased).toBe(3)
        for (const id of [sent, failed, cancelled]) expect(await store.get(id)).toMatchObject({ purged: true, to: 'r***@example.com' })
        for (const id of [awaiting, queued, recent]) expect((await store.get(id))?.purged).toBe(false)
        await expect(store.retry(failed)).rejects.toThrow(`Message ${failed} can no longer be sent: its address was erased after the retention period.`)
        expect((await store.get(failed))?.lastError).toBe('550 <r***@example.com> unknown')
        expect((await store.purge()).erased).toBe(0)
        if (c.rawText && result.walCleared) {
          const raw = await c.rawText()
          for (const gone of ['r1@example.com', 'r2@example.com', 'r3@example.com', 'Jo Bloggs 1', 'Jo Bloggs 3']) expect(raw).not.toContain(gone)
          expect(raw).toContain('r5@example.com') // still queued
        }
      })
    })

    describe('shared rate limits', () => {
      it('counts requests per bucket in fixed windows, refuses over the limit and says until when', async () => {
        now = Date.parse('2026-12-01T10:00:10Z')
        const { store } = await fresh()
        const rule = { limit: 3, windowMs: 60_000 }
        const takes = []
        for (let i = 0; i < 4; i++) takes.push(await store.takeRateLimit('api-key:abc', rule))
        expect(takes.map((t) => t.allowed)).toEqual([true, true, true, false])
        expect(takes.map((t) => t.count)).toEqual([1, 2, 3, 3])
        expect(takes[3]?.retryAfterMs).toBe(50_000)
        expect((await store.takeRateLimit('api-key:other', rule)).allowed).toBe(true)
        expect((await store.takeRateLimit('api-key:abc', { limit: 3, windowMs: 3_600_000 })).allowed).toBe(true) // another rule
        now += 50_000
        expect(await store.takeRateLimit('api-key:abc', rule)).toEqual({ allowed: true, count: 1, retryAfterMs: 60_000 })
        expect((await store.takeRateLimit('x', { limit: 0, windowMs: 60_000 })).allowed).toBe(false)
      })

      it('is one allowance for two processes taking at the same moment', async () => {
        const c = await fresh()
        const other = await second(c)
        const rule = { limit: 7, windowMs: 60_000 }
        const takes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? c.store : other).takeRateLimit('web-client:1', rule)))
        expect(takes.filter((t) => t.allowed)).toHaveLength(7)
        expect((await c.store.takeRateLimit('web-client:1', rule)).allowed).toBe(false)
        expect((await other.takeRateLimit('web-client:1', rule)).allowed).toBe(false)
        await c.store.purge() // the window has not ended: kept
        expect((await other.takeRateLimit('web-client:1', rule)).allowed).toBe(false)
      })
    })

    describe('the worker on this backend', () => {
      it('hands each message to its own channel and claims nothing for a channel it does not have', async () => {
        const { store } = await fresh()
        const sent: string[] = []
        const text = (await store.enqueue(contractText(1))).id
        await store.enqueue(contractEmail(2, { snapshot: { subject: 's' } }))
        const emailOnly = createQueueWorker({ queue: store, channels: { email: recording(sent) }, log: () => {} })
        expect(await emailOnly.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
        expect((await store.get(text))?.status).toBe('queued')
        const both = createQueueWorker({ queue: store, channels: { email: recording(sent), sms: recording(sent) }, log: () => {} })
        expect(await both.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
        expect(sent).toEqual(['email:<e2@signpost.invalid>:{"subject":"s"}', 'sms:ref-1:{"body":"Hello 1"}'])
        expect(await store.counts({ channel: 'sms' })).toMatchObject({ sent: 1, queued: 0 })
      })

      it('run() delivers what another process queues, and stop() waits for what is in flight', async () => {
        const c = await makeStore({})
        opened.push(c)
        const api = await c.reopen({})
        extra.push(api)
        const sent: string[] = []
        const worker = createQueueWorker({ queue: c.store, channels: { sms: recording(sent, 50) }, log: () => {}, pollMs: 20 })
        const running = worker.run()
        for (let i = 1; i <= 5; i++) await api.enqueue(contractText(i))
        for (let i = 0; i < 200 && sent.length < 5; i++) await new Promise((r) => setTimeout(r, 25))
        await worker.stop()
        await running
        expect(sent.sort()).toEqual([1, 2, 3, 4, 5].map((i) => `sms:ref-${i}:{"body":"Hello ${i}"}`).sort())
        expect(await api.counts()).toMatchObject({ sent: 5, sending: 0 })
      })
    })

    describe('migrations and closing', () => {
      it('has nothing pending once open, applies nothing twice, and refuses calls after close', async () => {
        const c = await fresh()
        expect(await c.store.pendingMigrations()).toEqual([])
        const report = await c.store.migrate()
        expect(report.applied).toEqual([])
        expect(report.already.length).toBeGreaterThan(0)
        const other = await second(c)
        expect((await other.migrate()).applied).toEqual([])
        await other.close()
        await other.close()
        await expect(other.get('x')).rejects.toThrow()
        expect(await c.store.counts()).toMatchObject({ queued: 0 })
      })
    })
  })
}
