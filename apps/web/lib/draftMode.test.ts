import { expect, test } from 'vitest'
import { previewSecretMatches, safeRedirectPath } from './draftMode'

test('only same-site relative paths are redirect targets', () => {
  expect(safeRedirectPath('/guides/x?y=1#z')).toBe('/guides/x?y=1#z')
  for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined])
    expect(safeRedirectPath(bad)).toBe('/')
})

test('the preview secret must match exactly and be configured', () => {
  expect(previewSecretMatches('s3cret', { SIGNPOST_PREVIEW_SECRET: 's3cret' })).toBe(true)
  expect(previewSecretMatches('s3cre', { SIGNPOST_PREVIEW_SECRET: 's3cret' })).toBe(false)
  expect(previewSecretMatches('', { SIGNPOST_PREVIEW_SECRET: '' })).toBe(false)
  expect(previewSecretMatches('x', {})).toBe(false)
})
