#!/usr/bin/env node
// `npm start`: serves the built site (apps/web's server: next start behind its request checks), runs the email
// delivery worker beside it, so the "email me" form works end to end, and serves the staff console (apps/staff) on
// STAFF_PORT. Forwards signals to all three and stops them all when one stops.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT || '3000'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: port }

let mailGoesTo = process.env.SMTP_URL ? `the SMTP server in SMTP_URL (${new URL(process.env.SMTP_URL).host})` : 'a local folder'
try {
  const email = await import('@signpost/email')
  if (!process.env.SMTP_URL) mailGoesTo = `.eml files in ${email.defaultMailDir()} (no SMTP_URL set)`
} catch {
  // The worker below reports the real problem if the email app is not built.
}

const children = [
  { name: 'web', proc: spawn(process.execPath, [join(root, 'apps/web/dist/server.mjs'), '-p', port], { cwd: join(root, 'apps/web'), env, stdio: 'inherit' }) },
  { name: 'email worker', proc: spawn(process.execPath, [join(root, 'apps/email/dist/cli.js'), 'worker'], { cwd: root, env, stdio: 'inherit' }) },
  // The staff console (apps/staff) on STAFF_PORT (default 3001); it prints how to sign in (a one-time link without STAFF_OIDC_ISSUER).
  { name: 'staff console', proc: spawn(process.execPath, [join(root, 'apps/staff/server.mjs')], { cwd: join(root, 'apps/staff'), env, stdio: 'inherit' }) },
]

console.error(`Signpost: the site is at http://localhost:${port}/ (try /guides/cyber-crime-and-fraud)`)
console.error(`Signpost: "Email me this advice" messages are delivered by the worker to ${mailGoesTo}`)

let stopping = false
let exitCode = 0
function stop(signal) {
  if (stopping) return
  stopping = true
  for (const { proc } of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
  setTimeout(() => process.exit(exitCode), 5000).unref()
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal))
for (const { name, proc } of children) {
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      // One part died on its own: say so, stop the other, and exit with a failure code.
      console.error(`Signpost: ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`)
      exitCode = code || 1
      stop('SIGTERM')
    }
    if (children.every((c) => c.proc.exitCode !== null || c.proc.signalCode !== null)) process.exit(exitCode)
  })
}
