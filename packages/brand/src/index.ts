// @signpost/brand: design tokens and font files shared by the site, the leaflets and the emails.
export * from './tokens.js'
export * from './fonts.js'
