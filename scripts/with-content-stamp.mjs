#!/usr/bin/env node
// Runs a command (the build) with SIGNPOST_CONTENT_STAMP set to a hash of the content the site's build embeds.
// Turbo hashes SIGNPOST_* variables, so a dataset file outside the repository that is edited in place (same
// SIGNPOST_DATASET path, new text) still makes the web build run again instead of replaying a stale cached one.
// Files inside the repository (studio/data/**) are inputs of the web build already; this covers every path.
//   node scripts/with-content-stamp.mjs turbo run build --filter=@signpost/web...
import { spawn } from 'node:child_process'
import { contentStamp } from './content-stamp.mjs'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('Usage: node scripts/with-content-stamp.mjs <command> [args…]')
  process.exit(2)
}
const env = { ...process.env, SIGNPOST_CONTENT_STAMP: await contentStamp() }
const child = spawn(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
