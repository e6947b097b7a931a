// ESLint for the staff console: the shared setup (eslint.shared.mjs at the root) with Next's own config, as apps/web.
import { defineConfig } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import { workspaceConfig } from '../../eslint.shared.mjs'

export default defineConfig(workspaceConfig(import.meta.dirname, [...nextVitals, ...nextTypescript]))
