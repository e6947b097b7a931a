// The "email me" form's failure codes (in the URL as /guides/<slug>/email-problem?email=<code>, never the address) and the
// phrase each one shows (the words are in packages/content/src/phrases/site.ts and each language's catalogue).
export const EMAIL_ERRORS = {
  'invalid-address': 'site.emailErrorInvalidAddress',
  'too-many': 'site.emailErrorTooMany',
  unavailable: 'site.emailErrorUnavailable',
} as const

export type EmailErrorCode = keyof typeof EMAIL_ERRORS

/** The code in a request's query, if it is one of ours. */
export function emailErrorCode(code: unknown): EmailErrorCode | undefined {
  return typeof code === 'string' && Object.hasOwn(EMAIL_ERRORS, code) ? (code as EmailErrorCode) : undefined
}

export function emailErrorPhrase(code: EmailErrorCode): (typeof EMAIL_ERRORS)[EmailErrorCode] {
  return EMAIL_ERRORS[code]
}
