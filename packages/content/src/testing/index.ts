// Helpers for tests across the monorepo: datasets from the seed and a local Sanity query API.
export * from './dataset.js'
export * from './sanityApiServer.js'
export { imageInfo, type ImageInfo } from '../sources/imageInfo.js'
