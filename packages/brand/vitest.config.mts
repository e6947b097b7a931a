// Brand tests: the font files resolve and are what their users expect.
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['src/**/*.test.ts'] } })
