// What Sanity accepts as a document id and a type name, to refuse a webhook body naming anything else.
// Document ids (Sanity's "IDs and Paths"): at most 128 characters of a-z A-Z 0-9 . _ -, not starting with "-",
// no ".." and no path segment starting with "-" (so no empty segment either).

export function isSanityDocumentId(id: string): boolean {
  if (id.length === 0 || id.length > 128) return false
  return id.split('.').every((segment) => /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(segment))
}

/** Schema type names: a letter or underscore, then letters, digits, underscores, dots or dashes ("sanity.imageAsset"). */
export function isSanityTypeName(type: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(type)
}
