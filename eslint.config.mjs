// ESLint for the files at the root (scripts/, configs); each workspace has its own eslint.config.mjs and lints itself.
import { defineConfig } from 'eslint/config'
import { workspaceConfig } from './eslint.shared.mjs'

export default defineConfig([{ ignores: ['apps/', 'packages/', 'studio/'] }, ...workspaceConfig(import.meta.dirname)])
