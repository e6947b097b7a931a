// The one writer of BENCHMARKS.md: each benchmark replaces its own "## <title>" section and leaves the others alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCHMARKS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md')

const HEADER = '# Benchmarks\n\nFigures written by `npm run bench` (each section by its own `bench:*` script); every run replaces its section.\n'

/** Splits the file into its preamble and its level-2 sections, in order. */
function sections(text) {
  const parts = text.split(/^(?=## )/m)
  const preamble = parts[0]?.startsWith('## ') ? HEADER : (parts.shift() ?? HEADER)
  return { preamble, sections: parts.map((body) => ({ title: body.slice(3, body.indexOf('\n')).trim(), body })) }
}

/** `markdown` starts with its own "## <title>" line. */
export function writeBenchmarkSection(markdown, file = BENCHMARKS_FILE) {
  const title = markdown.match(/^## (.+)$/m)?.[1]?.trim()
  if (!title || !markdown.startsWith('## ')) throw new Error('A benchmark section must start with a "## <title>" line.')
  const { preamble, sections: all } = sections(existsSync(file) ? readFileSync(file, 'utf8') : HEADER)
  const body = `${markdown.trim()}\n\n`
  const kept = all.filter((s) => s.title !== title)
  const at = all.findIndex((s) => s.title === title)
  kept.splice(at === -1 ? kept.length : at, 0, { title, body })
  writeFileSync(file, `${preamble.trim()}\n\n${kept.map((s) => s.body.trim()).join('\n\n')}\n`)
  return file
}
