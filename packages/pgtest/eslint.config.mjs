// ESLint for this workspace: the shared setup in eslint.shared.mjs at the root (ESLint and typescript-eslint
// recommended, the type-aware promise rules).
import { defineConfig } from 'eslint/config'
import { workspaceConfig } from '../../eslint.shared.mjs'

export default defineConfig(workspaceConfig(import.meta.dirname))
