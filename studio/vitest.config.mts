// Studio tests: schema validation wired to @signpost/content's rules, the desk structure, translations, typegen output, pull/push.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'schemaTypes/**/*.test.ts', 'structure/**/*.test.ts', 'translation/**/*.test.ts', '*.test.ts'],
  },
})
