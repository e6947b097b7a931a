// English defaults for the advice text message's fixed words (MESSAGE-LANG owns this file; starting set by CONTENT-LANG).
export const smsPhrases = {
  'sms.numbersYouAskedFor': 'Numbers you asked for: {number}{notes}.',
  'sms.orText': 'Or text {keyword} to {shortCode}.',
  'sms.also': 'Also {number}.',
  'sms.more': 'More: {url}',
  'sms.reportTo': 'Report to {name}: {number}.',
  'sms.emergency': 'In an emergency call 999.',
} as const
