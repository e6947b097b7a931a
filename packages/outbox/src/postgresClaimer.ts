// A worker process for queue.postgres.test.ts, so claims are tested between real processes (their own pools, their
// own event loops, killable with SIGKILL), as between machines. Run: node --import tsx postgresClaimer.ts <mode> <url> <workerId|default> [leaseMs].
// Prints one JSON line per event on stdout: {"ready":true}, {"claimed":id}, {"renewed":ms}, {"done":n}.
//  - drain: after "go" on stdin, claims small batches and marks each sent (delivered_to = workerId) until the queue is empty.
//  - hold: runs the real worker, whose send never ends, so it holds its claims and renews them until it is killed.
import { createInterface } from 'node:readline'
import { WORKER_ID } from './policy.js'
import { openPostgresQueue } from './postgresStore.js'
import { createQueueWorker } from './worker.js'

const [mode, url, givenId, lease] = process.argv.slice(2)
// "default": this process's own host:pid, as a real worker records it.
const workerId = givenId === 'default' ? WORKER_ID : givenId
if (!url || !workerId || (mode !== 'drain' && mode !== 'hold')) {
  console.error('usage: postgresClaimer.ts drain|hold <postgres url> <worker id> [leaseMs]')
  process.exit(2)
}
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)
const store = await openPostgresQueue(url, { leaseMs: lease ? Number(lease) : undefined, migrate: false })

if (mode === 'drain') {
  say({ ready: true })
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()))
  let done = 0
  for (let empty = 0; empty < 3;) {
    const batch = await store.claim(3, { workerId })
    if (batch.length === 0) {
      empty += 1
      await new Promise((r) => setTimeout(r, 20))
      continue
    }
    empty = 0
    for (const m of batch) {
      say({ claimed: m.id })
      await store.markSent(m.id, { where: workerId })
      done += 1
    }
  }
  say({ done })
  await store.close()
} else {
  // Renewals are reported (with this process's clock) so the test knows when the last one happened before the kill.
  const renew = store.renewClaims.bind(store)
  store.renewClaims = async (ids, owner) => {
    const lost = await renew(ids, owner)
    say({ renewed: Date.now(), lost })
    return lost
  }
  const worker = createQueueWorker({
    queue: store,
    workerId,
    pollMs: 50,
    log: () => {},
    channels: {
      sms: {
        referenceName: 'reference',
        prepare: async (m) => {
          say({ claimed: m.id })
          return m
        },
        send: () => new Promise(() => {}),
        classify: (e) => ({ permanent: false, message: String(e) }),
      },
    },
  })
  say({ ready: true })
  await worker.run()
}
