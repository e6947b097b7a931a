// Leaflet tests: real PDFs parsed with pdfjs, the built CLI run as a process, a pack of several guides. On a busy
// 2-core machine a few CLI starts in one test can pass vitest's 5 s default, so the limit is generous.
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } })
