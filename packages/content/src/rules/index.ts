// Validation rules as pure functions: the Studio shows their messages to editors, the content door rejects with them.
export * from './result.js'
export * from './phone.js'
export * from './sms.js'
export * from './url.js'
export * from './email.js'
export * from './slug.js'
export * from './sentences.js'
export * from './dates.js'
