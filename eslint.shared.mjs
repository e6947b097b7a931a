// The ESLint setup every workspace shares: ESLint's and typescript-eslint's recommended sets, the promise rules that
// need type information, Node globals for scripts, and the ignores for build output and generated files. Each
// workspace's eslint.config.mjs calls workspaceConfig() with its framework's own config (Next's for apps/web,
// Sanity's for studio/); the root eslint.config.mjs lints scripts/ and the root configs.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Build output, caches, and files written by generators (their sources are linted). Relative to each workspace. */
export const ignores = {
  name: 'signpost/ignores',
  ignores: [
    '**/dist/',
    '**/out/',
    '**/var/',
    '**/coverage/',
    // Hidden folders are tools' and tests' scratch space: .next, .turbo, .sanity, the e2e/bench copies of .next
    '**/.*/',
    // apps/web: written by scripts/build-assets.mjs and `next build`
    'public/',
    '**/*.generated.ts',
    'next-env.d.ts',
    // packages/content: written by `npm run typegen --workspace studio`
    'src/sanity.types.ts',
  ],
}

/**
 * Three rules of typescript-eslint's type-checked set, for the bugs that cost messages and pages here: a promise
 * nobody awaits or catches (an unhandled rejection ends the email worker), an async function passed where a callback's
 * result is ignored (node:http handlers, event listeners), and `await` on something that is not a promise. The rest of
 * the type-checked set is not enabled: its no-unsafe-* rules flag Sanity's own `any`-typed schema APIs (every preview's
 * `prepare`), and it costs a full type check per workspace on top of `typecheck`.
 */
function promiseRules() {
  return {
    name: 'signpost/promises',
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  }
}

/** Last, so a framework's config cannot downgrade these (Next's makes unused variables warnings). */
const signpostRules = {
  name: 'signpost/rules',
  linterOptions: { reportUnusedDisableDirectives: 'error' },
  rules: {
    // `const { title: _t, ...rest } = doc` is how this code base leaves a field out of a copy: the named sibling of a
    // rest element is deliberate, every other unused variable is still an error (Sanity's Studio config does the same).
    '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
  },
}

/**
 * The flat config for one workspace. `dir` is the folder of its eslint.config.mjs (import.meta.dirname), where the
 * type-aware rules find its tsconfig.json; `frameworkConfigs` go between the shared sets and our own rules.
 */
export function workspaceConfig(dir, frameworkConfigs = []) {
  return [
    ignores,
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      name: 'signpost/node-scripts',
      files: ['**/*.{js,mjs,cjs}'],
      languageOptions: { globals: globals.node },
    },
    {
      name: 'signpost/tsconfig-root',
      // Where the TypeScript parser looks for tsconfig.json: this workspace's own folder.
      languageOptions: { parserOptions: { tsconfigRootDir: dir } },
    },
    ...frameworkConfigs,
    promiseRules(),
    signpostRules,
  ]
}
