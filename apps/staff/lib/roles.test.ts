import { describe, expect, test } from 'vitest'
import { may, rolesFromClaims, roleMap } from './roles'

describe('roles from the identity provider claim', () => {
  test('Entra ID app roles map to console roles through STAFF_ROLE_MAP; unknown values are ignored', () => {
    const env = { STAFF_ROLE_MAP: 'caseworker=Signpost.Caseworker,frontdesk=Signpost.FrontDesk,supervisor=Signpost.Supervisor' }
    expect(rolesFromClaims({ roles: ['Signpost.FrontDesk', 'Other.App.Role'] }, env)).toEqual(['frontdesk'])
    // The role names themselves mean nothing once a map is given.
    expect(rolesFromClaims({ roles: ['supervisor'] }, env)).toEqual([])
  })

  test('a groups claim with several group ids for one role, and a dotted claim path', () => {
    const env = { STAFF_ROLE_CLAIM: 'groups', STAFF_ROLE_MAP: 'caseworker=11111111-aaaa|22222222-bbbb' }
    expect(rolesFromClaims({ groups: ['22222222-bbbb'] }, env)).toEqual(['caseworker'])
    expect(rolesFromClaims({ realm_access: { roles: ['supervisor', 'caseworker'] } }, { STAFF_ROLE_CLAIM: 'realm_access.roles' })).toEqual([
      'caseworker',
      'supervisor',
    ])
    expect(rolesFromClaims({ roles: 'frontdesk caseworker' }, {})).toEqual(['caseworker', 'frontdesk'])
  })

  test('a bad STAFF_ROLE_MAP entry is refused, naming the variable and the entry', () => {
    expect(() => roleMap({ STAFF_ROLE_MAP: 'admin=Signpost.Admin' })).toThrow('STAFF_ROLE_MAP: "admin=Signpost.Admin" is not role=value')
  })

  test('what each role may do', () => {
    expect(may(['frontdesk'], 'send')).toBe(false)
    expect(may(['frontdesk'], 'print')).toBe(true)
    expect(may(['caseworker'], 'supervise')).toBe(false)
    expect(may(['supervisor'], 'send')).toBe(true)
  })
})
