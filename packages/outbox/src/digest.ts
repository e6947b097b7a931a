// The digests the queue stores instead of secrets: idempotency keys, and the names of stored snapshots and files.
import { createHash } from 'node:crypto'

export function hashOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('hex')
}

/** Idempotency keys are kept only as this digest: a key can be matched again, but not read back from the file. */
export const keyDigest = (key: string): string => createHash('sha256').update(`idempotency-key\0${key}`).digest('hex')
