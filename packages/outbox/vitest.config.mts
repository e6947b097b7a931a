import { defineConfig } from 'vitest/config'

// SQLite files on disk: run files one at a time on 2 cores.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
})
