// Web tests: unit tests of lib/ and browser tests in e2e/ against the built site (`next start`, started once
// by e2e/globalSetup.ts). One file at a time: each browser test file runs its own Chromium on 2 cores.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
