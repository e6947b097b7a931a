#!/usr/bin/env node
// `npm run content:check`: validates the whole dataset an editor or CI points at, so bad content never ships.
import { parseArgs } from 'node:util'
import { loadContent } from '../load.js'
import { ContentError, formatProblem } from '../problems.js'
import { announceSource } from '../load.js'
import { sourceFromEnv } from '../sources/fromEnv.js'

const { values } = parseArgs({
  options: { drafts: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
})
if (values.help) {
  console.log(
    'Usage: npm run content:check [-- --drafts]\nValidates every document; exits 1 on any error.\nReads SIGNPOST_DATASET (default studio/data/production.ndjson) or the Sanity project in SANITY_PROJECT_ID.',
  )
  process.exit(0)
}

const source = sourceFromEnv()
announceSource(source)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
try {
  const content = await loadContent({ source, perspective: values.drafts ? 'drafts' : 'published' })
  const overdue = content.guides.filter((g) => g.reviewOverdue).length
  for (const w of content.warnings) console.log(`warning ${formatProblem(w).slice(2)}`)
  console.log(
    `Content OK: ${plural(content.guides.length, 'guide')}, ${plural(content.organisations.length, 'organisation')}, ` +
      `${plural(content.areas.length, 'area')}, ${plural(overdue, 'review')} overdue, ${plural(content.warnings.length, 'warning')}.`,
  )
} catch (e) {
  if (!(e instanceof ContentError)) throw e
  const errors = e.problems.filter((p) => p.severity === 'error')
  // Warnings too (an unknown document type, an organisation nobody can contact), so fixing the errors holds no surprise.
  for (const w of e.problems.filter((p) => p.severity === 'warning')) console.log(`warning ${formatProblem(w).slice(2)}`)
  for (const p of errors) console.error(`error ${formatProblem(p).slice(2)}`)
  console.error(`Content check failed: ${plural(errors.length, 'error')}.`)
  process.exitCode = 1
}
