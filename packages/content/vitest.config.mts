// Content tests: the rules, the seed's facts, bad input, both sources (the real Sanity client on a local query API) and the check CLI.
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } })
