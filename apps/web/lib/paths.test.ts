import { expect, test } from 'vitest'
import { paths } from './paths'

test('English keeps the addresses it had; another language puts its code first', () => {
  expect(paths.guide('cyber-crime-and-fraud')).toBe('/guides/cyber-crime-and-fraud')
  expect(paths.guide('cyber-crime-and-fraud', 'en')).toBe('/guides/cyber-crime-and-fraud')
  expect(paths.guide('cyber-crime-and-fraud', 'ur')).toBe('/ur/guides/cyber-crime-and-fraud')
  expect(paths.home('cy')).toBe('/cy')
  expect(paths.home()).toBe('/')
  expect(paths.search('pl')).toBe('/pl/search')
  expect(paths.emailProblem('x', 'too-many', 'ur')).toBe('/ur/guides/x/email-problem?email=too-many#email-me')
  // One rewrite serves the leaflet in every language: the language rides in the query.
  expect(paths.leaflet('x', 'large-print', 'ur')).toBe('/guides/x/leaflet-large-print.pdf?lang=ur')
  expect(paths.leaflet('x')).toBe('/guides/x/leaflet.pdf')
})
