import { defineConfig } from 'vitest/config'

// A local stand-in of GOV.UK Notify, SQLite files and real CLI processes: give them time, one file at a time on 2 cores.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
})
