// Lets `npx vitest` at the root run every workspace's tests in one process while developing;
// `npm test` runs them per workspace through turbo so each gets its build first.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'studio'],
  },
})
