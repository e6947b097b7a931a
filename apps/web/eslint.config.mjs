// ESLint for the site: the shared setup (eslint.shared.mjs at the root) with Next's own config (core web vitals and
// TypeScript, from eslint-config-next), which adds React, hooks, accessibility (jsx-a11y), import and Next.js rules.
import { defineConfig } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import globals from 'globals'
import { workspaceConfig } from '../../eslint.shared.mjs'

export default defineConfig(
  workspaceConfig(import.meta.dirname, [
    ...nextVitals,
    ...nextTypescript,
    {
      name: 'signpost/web/exit-this-page',
      // Bundled by scripts/build-assets.mjs into public/exit-this-page.js: runs in the browser, not in Node.
      files: ['exit-this-page/**'],
      languageOptions: { globals: globals.browser },
    },
  ]),
)
