// @signpost/content: the one door to content for every app.
// The languages Signpost publishes in are listed once, in ./languages.ts; the fixed phrases per channel in ./phrases/.
export * from './model.js'
export * from './problems.js'
export * from './load.js'
export * from './views.js'
export * from './queries.js'
export { normalise, type NormaliseOptions } from './normalise.js'
export { linkContactNumbers } from './richText.js'
export { findContactNumbers, type ContactNumber } from './rules/contactNumbers.js'
export { checkSiteUrlForOutput, siteUrlNotice, type SiteUrlCheck } from './siteUrl.js'
export { checkGuideChoice, fieldProblemOf, type FieldProblem } from './requestProblems.js'
export { loadAsset, type LoadAssetOptions } from './loadAsset.js'
export { sourceFromEnv, siteUrlFromEnv, defaultDatasetPath, DEFAULT_SITE_URL, DEFAULT_API_VERSION } from './sources/fromEnv.js'
export { embeddedSource } from './sources/embedded.js'
export { sanitySource, type SanitySourceConfig } from './sources/sanity.js'
export { parseNdjson, type Document } from './sources/ndjson.js'
export { applyPerspective } from './sources/perspective.js'
export type { ContentSource, QueryOptions } from './sources/source.js'
export * as rules from './rules/index.js'
export * from './languages.js'
export {
  phrasesFor,
  phrasesFromTemplates,
  fillPhrase,
  placeholdersOf,
  isPhraseKey,
  ENGLISH_PHRASES,
  PHRASE_KEYS,
  PHRASE_GROUPS,
  UnfilledPlaceholderError,
  commonPhrases,
  sitePhrases,
  leafletPhrases,
  emailPhrases,
  smsPhrases,
  type PhraseKey,
  type PhraseGroup,
  type Phrases,
} from './phrases.js'
export { guideContentRevision, translationFreshness, type Freshness } from './rules/revision.js'
