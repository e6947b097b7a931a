import { defineConfig } from 'vitest/config'

// Real SMTP servers, SQLite files and a real Chromium: give them time, and run files one at a time on 2 cores.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
})
