// Bad content is reported all at once, each problem naming the document, the field and what is wrong.
import type { Problem } from './model.js'
import { escapeControlCharacters } from './rules/text.js'

export class ContentError extends Error {
  readonly problems: Problem[]
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error')
    super(`The content has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.map(formatProblem).join('\n')}`)
    this.name = 'ContentError'
    this.problems = problems
  }
}

/** One problem on one line; anything typed that could break the line or the terminal (\n, NUL, escapes) is escaped. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `line ${p.line}: ` : ''
  const field = p.path ? ` ${p.path}` : ''
  return escapeControlCharacters(`- ${where}${p.documentId}${field}: ${p.message}`)
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('')
}
