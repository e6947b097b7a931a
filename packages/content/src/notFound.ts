// The error every lookup by name throws (guide, area, organisation, language), listing what would have worked.
export class NotFoundError extends Error {
  readonly valid: string[]
  constructor(what: 'guide' | 'area' | 'organisation' | 'language', slug: string, valid: string[], detail = '') {
    super(`Unknown ${what} "${slug}". Valid ${what}s: ${valid.join(', ') || '(none)'}.${detail ? ` ${detail}` : ''}`)
    this.name = 'NotFoundError'
    this.valid = valid
  }
}
