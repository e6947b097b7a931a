// What the PostgreSQL queue does after erasing recipients, so the erased addresses are not left in its files, and what
// it says is left where it cannot reach.
//
// PostgreSQL never overwrites a row in place: the UPDATE that erases an address writes a new row version and leaves
// the old one, address included, in the table's data file as a dead tuple. Plain VACUUM (and autovacuum) only marks
// that space reusable: measured on PostgreSQL 15, the address bytes are still in the heap file after VACUUM and a
// CHECKPOINT, until a later row happens to be written over them (index entries went in that test, but nothing promises
// it). So after erasing anything, purge runs VACUUM (FULL) on messages, which writes the table and its indexes into new
// files holding only live rows; the old files are truncated when it commits and unlinked at the next checkpoint,
// which purge then asks for (CHECKPOINT, also so older WAL can be recycled sooner).
//
// What remains, and purge says so in `residue`: the write-ahead log. Every version of every row, and full-page images
// of pages as they were, are in the WAL segments under pg_wal until those segments are recycled after later
// checkpoints and overwritten by new WAL (recycled files keep their old bytes until then), and in any WAL archive,
// base backup or replica's WAL for as long as those are kept. A transaction that was already open when purge ran (a
// long report, pg_dump) still sees the old row versions, so VACUUM (FULL) must keep them; they go at the next purge.
// VACUUM (FULL) holds an exclusive lock on messages while it runs (well under a second for a queue of tens of
// thousands of rows; claims and enqueues wait for it); it gives up after LOCK_TIMEOUT rather than queue everyone
// behind a long transaction, and the next purge tries again (queue_scrub counts erasures and rewrites).
import type { Pool, PoolClient } from 'pg'

const LOCK_TIMEOUT = '5s'
// pg_advisory_lock(classid, objid): "Sign" and 3, the queue's purge rewrite (1 is the queue's schema, 2 the staff console's).
const SCRUB_LOCK = [0x5369676e, 3]

export const WAL_RESIDUE =
  "The erased addresses are gone from the queue's table and index files, but PostgreSQL's write-ahead log (pg_wal) still holds them until those segments are recycled and overwritten after later checkpoints, and any WAL archive, base backup or replica keeps them for as long as it is kept."

/**
 * Rewrites messages (VACUUM FULL) when anything was erased since the last rewrite (queue_scrub.erased_gen, raised by
 * each erasing purge in its own statement, is ahead of scrubbed_gen); says what is still left and where.
 */
export async function scrubErased(pool: Pool, erasedNow: boolean): Promise<{ walCleared: boolean; residue?: string }> {
  const client = await pool.connect()
  // The connection goes back to the pool only with its lock released and settings restored; otherwise it is closed.
  let broken: Error | undefined
  try {
    // One rewrite at a time across processes: a purge that waited here usually finds its erasure covered already.
    await client.query('SELECT pg_advisory_lock($1, $2)', SCRUB_LOCK)
    try {
      return await scrubLocked(client, erasedNow, (e) => (broken = e))
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', SCRUB_LOCK).catch((e: unknown) => (broken = e as Error))
    }
  } finally {
    client.release(broken ?? false)
  }
}

async function scrubLocked(client: PoolClient, erasedNow: boolean, broken: (e: Error) => void): Promise<{ walCleared: boolean; residue?: string }> {
  // Read before the rewrite: every erasure counted up to here has committed, so the rewrite that starts after it covers it.
  const gen = (await client.query<{ erased_gen: number; scrubbed_gen: number }>('SELECT erased_gen, scrubbed_gen FROM queue_scrub')).rows[0]
  if (!gen || gen.erased_gen <= gen.scrubbed_gen) return erasedNow ? { walCleared: false, residue: WAL_RESIDUE } : { walCleared: true }
  const before = await client.query<{ file: string }>("SELECT pg_relation_filenode('messages')::text AS file")
  await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`)
  // VERBOSE reports how many dead row versions it had to keep because a transaction still open could see them.
  let keptForOpenTransactions = 0
  const onNotice = (notice: { detail?: string }) => {
    const kept = /(\d+) dead row versions cannot be removed yet/.exec(notice.detail ?? '')
    if (kept) keptForOpenTransactions += Number(kept[1])
  }
  client.on('notice', onNotice)
  try {
    await client.query('VACUUM (FULL, VERBOSE) messages')
  } catch (e) {
    return {
      walCleared: false,
      residue: `Could not rewrite the queue's table to remove the erased addresses (${(e as Error).message}); their old row versions stay in its data file until the next purge manages it. ${WAL_RESIDUE}`,
    }
  } finally {
    client.off('notice', onNotice)
    await client.query('RESET lock_timeout').catch((e: unknown) => broken(e as Error))
  }
  const after = await client.query<{ file: string }>("SELECT pg_relation_filenode('messages')::text AS file")
  if (before.rows[0]?.file === after.rows[0]?.file) {
    // VACUUM only warns, and does nothing, for a user who does not own the table.
    return {
      walCleared: false,
      residue: `This database user may not rewrite the messages table (VACUUM FULL needs its owner), so the erased addresses' old row versions stay in its data file until PostgreSQL reuses the space. Run purge as the user that ran the migrations. ${WAL_RESIDUE}`,
    }
  }
  if (keptForOpenTransactions > 0) {
    // Still owed: the next purge rewrites the table again, when those transactions have ended.
    return {
      walCleared: false,
      residue: `The queue's table was rewritten, but ${keptForOpenTransactions} old row version(s) had to be kept for transactions still open (another worker's update at that moment, a long report or pg_dump); if any held an erased address it stays in the data file until the next purge. ${WAL_RESIDUE}`,
    }
  }
  await client.query('UPDATE queue_scrub SET scrubbed_gen = greatest(scrubbed_gen, $1)', [gen.erased_gen])
  let checkpoint = ''
  try {
    await client.query('CHECKPOINT')
  } catch {
    checkpoint = ' (CHECKPOINT is not allowed for this database user: grant it pg_checkpoint so the old files go at once.)'
  }
  return { walCleared: false, residue: `${WAL_RESIDUE}${checkpoint}` }
}
