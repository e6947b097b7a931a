// The fixed words around the content: a language's catalogue, English for what it lacks, and no "{page}" ever printed.
import { expect, test } from 'vitest'
import { ENGLISH_PHRASES, PHRASE_GROUPS, PHRASE_KEYS, phrasesFor, phrasesFromTemplates, placeholdersOf, UnfilledPlaceholderError } from './phrases.js'

const content = {
  phraseCatalogues: [{ id: 'phraseCatalogue.cy', language: 'cy' as const, phrases: { 'leaflet.pageXOfY': 'Tudalen {page} o {pages}' } }],
}

test('a translated phrase is used with its placeholders filled', () => {
  expect(phrasesFor(content, 'cy').t('leaflet.pageXOfY', { page: 1, pages: 4 })).toBe('Tudalen 1 o 4')
  expect(phrasesFor(content, 'cy').language.nativeName).toBe('Cymraeg')
})

test('a phrase the catalogue lacks falls back to English', () => {
  expect(phrasesFor(content, 'cy').t('site.exitThisPage')).toBe('Exit this page')
  expect(phrasesFor(content, 'ur').t('leaflet.pageXOfY', { page: 2, pages: 4 })).toBe('Page 2 of 4')
})

test('a placeholder left unfilled throws, naming the phrase and the placeholder', () => {
  const cy = phrasesFor(content, 'cy')
  expect(() => cy.t('leaflet.pageXOfY', { page: 1 })).toThrow(UnfilledPlaceholderError)
  expect(() => cy.t('leaflet.pageXOfY', { page: 1 })).toThrow('Phrase "leaflet.pageXOfY" (cy) needs {pages}, but no value was given for it.')
  expect(() => phrasesFor(content, 'en').t('common.checked')).toThrow('needs {date}')
})

test('an unsupported language is refused', () => {
  expect(() => phrasesFor(content, 'xx')).toThrow('Unknown language "xx"')
})

test('every key is <channel>.<camelCase> for one of the five channels, placeholders {name}', () => {
  for (const key of PHRASE_KEYS) {
    const [group, name] = key.split('.')
    expect(PHRASE_GROUPS).toContain(group)
    expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/)
  }
  expect(placeholdersOf(ENGLISH_PHRASES['leaflet.pageXOfY'])).toEqual(['page', 'pages'])
})

test('phrases survive plain JSON (Next page props): t is not enumerable and phrasesFromTemplates rebuilds it', () => {
  const json = JSON.parse(JSON.stringify(phrasesFor(content, 'cy'))) as { language: { code: string }; templates: Record<string, string>; t?: unknown }
  expect(json.t).toBeUndefined()
  expect(json.templates['leaflet.pageXOfY']).toBe('Tudalen {page} o {pages}')
  expect(json.templates['site.exitThisPage']).toBe('Exit this page')
  const again = phrasesFromTemplates(json as Parameters<typeof phrasesFromTemplates>[0])
  expect(again.t('leaflet.pageXOfY', { page: 3, pages: 4 })).toBe('Tudalen 3 o 4')
  expect(() => again.t('leaflet.pageXOfY')).toThrow(UnfilledPlaceholderError)
})

test('the browser-safe door (@signpost/content/rules) gives the same phrase tools', async () => {
  const rules = await import('./rules/index.js')
  const again = rules.phrasesFromTemplates(JSON.parse(JSON.stringify(phrasesFor(content, 'cy'))) as Parameters<typeof rules.phrasesFromTemplates>[0])
  expect(again.t('leaflet.pageXOfY', { page: 2, pages: 3 })).toBe('Tudalen 2 o 3')
  expect(() => rules.fillPhrase('Page {page}', {}, { language: 'en', key: 'leaflet.pageXOfY' })).toThrow(rules.UnfilledPlaceholderError)
})
