// Studio tests: schema validation wired to @signpost/content's rules, the desk structure, typegen output, pull/push.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'schemaTypes/**/*.test.ts', 'structure/**/*.test.ts', '*.test.ts'],
  },
})
