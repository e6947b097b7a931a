// Roles from the identity provider's claim (STAFF_ROLE_CLAIM, default "roles") and what each may do. STAFF_ROLE_MAP maps
// claim values to console roles, e.g. "caseworker=Signpost.Caseworker,frontdesk=Signpost.FrontDesk,supervisor=Signpost.Supervisor"
// for Entra ID app roles, or group object ids for a "groups" claim; by default the values are the role names themselves.
export const ROLES = ['caseworker', 'frontdesk', 'supervisor'] as const
export type Role = (typeof ROLES)[number]

export type Permission = 'send' | 'print' | 'supervise'

type Env = Record<string, string | undefined>

const ALLOWED: Record<Permission, readonly Role[]> = {
  send: ['caseworker', 'supervisor'],
  print: ['frontdesk', 'supervisor'],
  supervise: ['supervisor'],
}

export const ROLE_LABELS: Record<Role, string> = { caseworker: 'Caseworker', frontdesk: 'Front desk', supervisor: 'Supervisor' }

export function may(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ALLOWED[permission].includes(r))
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** STAFF_ROLE_MAP parsed: claim value → role. Throws naming the variable on a bad entry. */
export function roleMap(env: Env = process.env): Map<string, Role> {
  const map = new Map<string, Role>()
  const text = env.STAFF_ROLE_MAP?.trim()
  if (!text) {
    for (const r of ROLES) map.set(r, r)
    return map
  }
  for (const entry of text.split(',')) {
    const [role, values] = entry.split('=').map((s) => s.trim())
    if (!role || !values || !isRole(role)) {
      throw new Error(`STAFF_ROLE_MAP: "${entry}" is not role=value (roles are ${ROLES.join(', ')}; several values are separated by |).`)
    }
    for (const v of values.split('|')) if (v.trim()) map.set(v.trim(), role)
  }
  return map
}

/** The claim named by STAFF_ROLE_CLAIM (a dotted path such as realm_access.roles works too), as a list of values. */
export function claimValues(claims: Record<string, unknown>, claimName: string): string[] {
  let value: unknown = claims
  for (const part of claimName.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean)
  return []
}

export function rolesFromClaims(claims: Record<string, unknown>, env: Env = process.env): Role[] {
  const map = roleMap(env)
  const roles = new Set<Role>()
  for (const v of claimValues(claims, env.STAFF_ROLE_CLAIM || 'roles')) {
    const role = map.get(v)
    if (role) roles.add(role)
  }
  return ROLES.filter((r) => roles.has(r))
}
