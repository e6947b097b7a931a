// Pull and push fail fast, before any network or file access, naming the variable that is missing.
import { describe, expect, it } from 'vitest'
import { MissingConfigError, pullConfig, pushConfig } from './env'

describe('pull configuration', () => {
  it('names SANITY_PROJECT_ID when it is missing', () => {
    expect(() => pullConfig({})).toThrow(/^SANITY_PROJECT_ID is not set/)
  })
  it('names SANITY_API_READ_TOKEN when there is no token', () => {
    expect(() => pullConfig({ SANITY_PROJECT_ID: 'abc123' })).toThrow(MissingConfigError)
    expect(() => pullConfig({ SANITY_PROJECT_ID: 'abc123' })).toThrow(/^SANITY_API_READ_TOKEN is not set/)
  })
  it('accepts SANITY_AUTH_TOKEN and defaults the dataset to production', () => {
    expect(pullConfig({ SANITY_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 't' })).toMatchObject({ dataset: 'production', token: 't' })
  })
})

describe('push configuration', () => {
  it('needs the dataset named explicitly, because it writes', () => {
    expect(() => pushConfig({ SANITY_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 't' })).toThrow(/^SANITY_DATASET is not set/)
  })
  it('names SANITY_API_WRITE_TOKEN when there is no token', () => {
    expect(() => pushConfig({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production', SANITY_API_READ_TOKEN: 'r' })).toThrow(
      /^SANITY_API_WRITE_TOKEN is not set/,
    )
  })
})
