// English defaults for the advice email's fixed words (MESSAGE-LANG owns this file; starting set by CONTENT-LANG).
// The email also uses the shared ones in common.ts (What to do first, Checked {date}, contact labels, the notices).
export const emailPhrases = {
  'email.subject': '{title}: advice and who can help',
  'email.neutralSubject': 'The information you asked for',
  'email.neutralSenderName': 'Information service',
  'email.opening':
    'Here is the information you asked for. You can read it when you have a quiet moment somewhere private. You can keep this message for later, or delete it once you have read it.',
  'email.freeSupport': 'Free support: {name}',
  'email.organisationsThatCanHelp': 'Organisations that can help',
  'email.readOnline': 'Read this advice online: {url}',
  /** {checked} is common.checked ("Checked 1 November 2026"), {area} the area's name. */
  'email.checkedInArea': '{checked}. {area}.',
  'email.whySent': 'You were sent this because you, or someone helping you, asked for it. If you did not expect it, you can delete it.',
} as const
