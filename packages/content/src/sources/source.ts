// The one interface both content sources implement, so the same GROQ runs against the Content Lake or the file.
import type { Perspective, Problem } from '../model.js'

export type QueryOptions = { perspective?: Perspective }

export interface ContentSource {
  /** Short name: "embedded" or "sanity". */
  readonly kind: 'embedded' | 'sanity'
  /** What an entry point prints at start: where content is read from. */
  readonly description: string
  fetch<T>(query: string, params?: Record<string, unknown>, options?: QueryOptions): Promise<T>
  /** Problems found while reading the source itself (lines of the file that do not parse). */
  problems(): Promise<Problem[]>
}
