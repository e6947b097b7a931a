// A fresh outbox in a temporary folder for each test, with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Content } from '@signpost/content'
import { openOutbox, type Outbox, type OutboxOptions } from '../outbox.js'

export type TempOutbox = { outbox: Outbox; dir: string; clock: { now: number; advance(ms: number): void }; cleanup(): Promise<void> }

export async function tempOutbox(content?: Content, options: Omit<OutboxOptions, 'path' | 'content' | 'now'> = {}): Promise<TempOutbox> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-email-'))
  const clock = {
    now: Date.parse('2026-11-29T10:00:00Z'),
    advance(ms: number) {
      clock.now += ms
    },
  }
  const outbox = await openOutbox({ path: join(dir, 'outbox.sqlite'), content, now: () => clock.now, env: {}, ...options })
  return {
    outbox,
    dir,
    clock,
    async cleanup() {
      await outbox.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function rowCount(outbox: Outbox): number {
  return (outbox.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n
}
