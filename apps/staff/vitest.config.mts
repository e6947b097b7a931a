// Staff console tests: unit tests of lib/ and browser tests in e2e/ against the built console (server.mjs on a copy
// of .next), a real OpenID Provider, a real SMTP server and real Chromium. One file at a time (2 shared cores).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
})
