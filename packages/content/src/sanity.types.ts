// Placeholder until `npm run typegen --workspace studio` writes the generated types here.
export type ContentQueryResult = {
  settings: unknown[]
  areas: unknown[]
  organisations: unknown[]
  guides: unknown[]
}
