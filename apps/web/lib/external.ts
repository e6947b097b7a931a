// Loads the other Signpost apps (PDF leaflets, email) at run time from node_modules instead of bundling
// them: they carry native and font-file dependencies (better-sqlite3, pdfkit) that must not be bundled,
// and Turbopack does not apply serverExternalPackages to symlinked workspace packages.
import type * as Email from '@signpost/email'
import type * as Leaflets from '@signpost/leaflets'

let leaflets: Promise<typeof Leaflets> | undefined
let email: Promise<typeof Email> | undefined

export function loadLeaflets(): Promise<typeof Leaflets> {
  leaflets ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@signpost/leaflets')
  return leaflets
}

export function loadEmail(): Promise<typeof Email> {
  email ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@signpost/email')
  return email
}
