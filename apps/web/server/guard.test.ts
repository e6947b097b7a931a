// The server's own checks: request targets that are not paths, declared bodies over the limit.
import { expect, test } from 'vitest'
import { bodyProblem, MAX_BODY_BYTES, targetProblem } from './guard'

test('only paths are served', () => {
  for (const t of ['/', '/guides/x?y=1', '//double/slash']) expect(targetProblem(t), t).toBeUndefined()
  for (const t of ['http://evil.example/', 'https://evil.example/guides/x', 'evil.example:443', '*', ''])
    expect(targetProblem(t), t).toContain('only answers requests for its own paths')
})

test('a declared body over 1 MiB is refused', () => {
  expect(bodyProblem(undefined)).toBeUndefined()
  expect(bodyProblem(String(MAX_BODY_BYTES))).toBeUndefined()
  expect(bodyProblem(String(MAX_BODY_BYTES + 1))).toContain('larger than this server accepts (1048576 bytes)')
  expect(bodyProblem('nonsense')).toContain('larger than this server accepts')
})
