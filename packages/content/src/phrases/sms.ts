// English defaults for the advice text message's fixed words (MESSAGE-LANG owns this file; starting set by CONTENT-LANG).
// Every character counts (Urdu and Welsh go as UCS-2: 70 characters for one text, 67 per part after): keep them short.
export const smsPhrases = {
  /** {notes} is " (free, confidential)" built from sms.free and sms.confidential, or nothing. */
  'sms.callSupport': '{name}{notes}: call {number}.',
  'sms.textKeywordTo': 'Text {keyword} to {shortCode}.',
  'sms.reportTo': 'Report to {name}: {number}.',
  'sms.guideLink': '{title}: {url}',
  'sms.numbersYouAskedFor': 'Numbers you asked for: {number}{notes}.',
  'sms.orText': 'Or text {keyword} to {shortCode}.',
  'sms.also': 'Also {number}.',
  'sms.more': 'More: {url}',
  'sms.emergency': 'In an emergency call 999.',
  'sms.free': 'free',
  'sms.confidential': 'confidential',
} as const
