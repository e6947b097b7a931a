// ESLint for the Studio: the shared setup (eslint.shared.mjs at the root) with Sanity's own Studio config
// (@sanity/eslint-config-studio: React, hooks, accessibility and its bug-finding ground rules).
import studio from '@sanity/eslint-config-studio'
import { defineConfig } from 'eslint/config'
import { workspaceConfig } from '../eslint.shared.mjs'

export default defineConfig(
  workspaceConfig(import.meta.dirname, [
    ...studio,
    {
      name: 'signpost/studio/one-report-per-problem',
      // Sanity's config registers typescript-eslint a second time, under the name `typescript`: these five are the
      // same rules as the @typescript-eslint ones of the shared recommended set, so each problem would be reported twice.
      // Its ground rules also turn the core no-unused-vars and no-unused-expressions back on for .js/.mjs files, where
      // the @typescript-eslint versions (which replace them) already run.
      rules: {
        'no-unused-vars': 'off',
        'no-unused-expressions': 'off',
        'typescript/no-unused-vars': 'off',
        'typescript/no-unused-expressions': 'off',
        'typescript/no-empty-object-type': 'off',
        'typescript/no-extra-non-null-assertion': 'off',
        'typescript/no-misused-new': 'off',
      },
    },
    {
      name: 'signpost/studio/react-version',
      // Sanity's config sets this for .js/.ts/.tsx only; the vitest config (.mts) needs it too, or the React plugin warns.
      settings: { react: { version: 'detect' } },
    },
  ]),
)
