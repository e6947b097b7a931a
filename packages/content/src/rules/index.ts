// Validation rules as pure functions: the Studio shows their messages to editors, the content door rejects with them.
export * from './result.js'
export * from './text.js'
export * from './phone.js'
export * from './sms.js'
export * from './url.js'
export * from './link.js'
export * from './contactNumbers.js'
export * from './email.js'
export * from './slug.js'
export * from './sentences.js'
export * from './dates.js'
export * from './organisation.js'
export * from './language.js'
export * from './colour.js'
export * from './logo.js'
export * from './smsLength.js'
export * from './mobile.js'
export * from './revision.js'
export * from '../languages.js'
// Browser-safe (no node: imports): the site's client bundle fills phrases with these.
export {
  ENGLISH_PHRASES,
  PHRASE_GROUPS,
  PHRASE_KEYS,
  checkPhrasePlaceholders,
  fillPhrase,
  isPhraseKey,
  phrasesFromTemplates,
  placeholdersOf,
  UnfilledPlaceholderError,
  type PhraseKey,
  type PhraseGroup,
  type Phrases,
} from '../phrases.js'
