// Reads Sanity's NDJSON export format, keeping every good line and naming every bad one by its line number.
import type { Problem } from '../model.js'

export type Document = { _id: string; _type: string; [key: string]: unknown }

export function parseNdjson(text: string, file: string): { documents: Document[]; problems: Problem[] } {
  const documents: Document[] = []
  const problems: Problem[] = []
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    const bad = (message: string) => problems.push({ severity: 'error', documentId: file, path: '', line: i + 1, message })
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      return bad(`This line is not valid JSON (${(e as Error).message}).`)
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('This line is not a document (a JSON object).')
    const doc = value as Record<string, unknown>
    if (typeof doc._id !== 'string' || doc._id === '') return bad('This document has no _id.')
    if (typeof doc._type !== 'string' || doc._type === '') return bad(`Document ${doc._id} has no _type.`)
    documents.push(doc as Document)
  })
  return { documents, problems }
}
