// The per-client limits of the API and the site's form, counted in the queue's store: two processes' limiters on one
// outbox share a client's allowance, and the client (a website visitor's IP address) is stored only as a digest.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openOutbox, type Outbox } from './outbox.js'
import { createRateLimiter } from './rateLimiter.js'

const opened: Outbox[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function twoProcessesOn(now: () => number): Promise<{ path: string; a: Outbox; b: Outbox }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-email-limiter-'))
  dirs.push(dir)
  const path = join(dir, 'outbox.sqlite')
  const a = await openOutbox({ path, env: {}, now })
  const b = await openOutbox({ path, env: {}, now })
  opened.push(a, b)
  return { path, a, b }
}

describe('createRateLimiter', () => {
  it("shares one client's allowance between two site instances on one outbox, and says how long until the next window", async () => {
    let now = Date.parse('2026-12-01T10:00:00Z')
    const { a, b } = await twoProcessesOn(() => now)
    const rule = { name: 'web-client', limit: 3, windowMs: 60 * 60 * 1000 }
    const limiters = [createRateLimiter({ store: a.queue, ...rule }), createRateLimiter({ store: b.queue, ...rule })]
    const takes = []
    for (let i = 0; i < 6; i++) takes.push(await limiters[i % 2]!.take('203.0.113.7'))
    expect(takes.map((t) => t.allowed)).toEqual([true, true, true, false, false, false])
    expect(takes[5]?.retryAfterMs).toBe(60 * 60 * 1000)
    expect((await limiters[0]!.take('198.51.100.2')).allowed).toBe(true) // another visitor
    // Another limit with the same key is counted apart.
    expect((await createRateLimiter({ store: a.queue, name: 'api-key', limit: 1, windowMs: 60_000 }).take('203.0.113.7')).allowed).toBe(true)
    now += 60 * 60 * 1000
    expect((await limiters[1]!.take('203.0.113.7')).allowed).toBe(true)
  })

  it('keeps the client only as a digest in the outbox file', async () => {
    const { path, a } = await twoProcessesOn(Date.now)
    await createRateLimiter({ store: a.queue, name: 'web-client', limit: 3, windowMs: 60_000 }).take('203.0.113.7')
    const raw = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1')
    expect(raw).toContain('web-client:')
    expect(raw).not.toContain('203.0.113.7')
  })
})
