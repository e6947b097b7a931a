// The shape every validation rule returns, so the Studio and the content door read them the same way.
export type RuleResult<T = true> = { ok: true; value: T } | { ok: false; message: string }

export const pass = <T>(value: T): RuleResult<T> => ({ ok: true, value })
export const fail = (message: string): RuleResult<never> => ({ ok: false, message })
