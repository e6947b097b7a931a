// Reading form fields (Next parses application/x-www-form-urlencoded bodies into req.body): one string, or all values.
export function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : ''
  return typeof v === 'string' ? v : ''
}

export function fields(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string')
  return typeof v === 'string' ? [v] : []
}

export function checked(body: unknown, name: string): boolean {
  return field(body, name) === 'on' || field(body, name) === 'true'
}
