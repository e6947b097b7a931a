// The "email me" form's failure codes (in the URL as /guides/<slug>/email-problem?email=<code>, never the address) and the
// friendly message each one shows.
export const EMAIL_ERRORS = {
  'invalid-address': 'Enter an email address in the right format, like name@example.com.',
  'too-many': 'Too many emails have been asked for. Please wait an hour and try again, or download the leaflet instead.',
  unavailable: 'We could not send the email just now. Please try again later, or download the leaflet instead.',
} as const

export type EmailErrorCode = keyof typeof EMAIL_ERRORS

export function emailErrorMessage(code: unknown): string | undefined {
  return typeof code === 'string' && Object.hasOwn(EMAIL_ERRORS, code) ? EMAIL_ERRORS[code as EmailErrorCode] : undefined
}
