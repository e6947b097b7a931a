import { getLanguage, loadContent } from '@signpost/content'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { phraseBook } from './phraseBook'
import { runAttributes, t, tNodes, tText } from './phrases'

const content = await loadContent()

test('the book carries the site and shared phrases for the language, not the other channels', () => {
  const book = phraseBook(content, 'ur')
  expect(book.language.dir).toBe('rtl')
  expect(Object.keys(book.templates).every((k) => k.startsWith('site.') || k.startsWith('common.'))).toBe(true)
  expect(book.templates['site.exitThisPage']).toBeTruthy()
  // Plain JSON, as Next's page props must be.
  expect(JSON.parse(JSON.stringify(book))).toEqual(book)
})

test('t fills placeholders and refuses to print one left unfilled', () => {
  const book = phraseBook(content, 'en')
  expect(t(book, 'site.downloadLeaflet', { size: '34 KB' })).toBe('Download the leaflet (PDF, 34 KB)')
  expect(() => t(book, 'site.downloadLeaflet')).toThrow(/site\.downloadLeaflet.*\{size\}/)
})

test('tNodes puts markup in a placeholder as an element, and text as text, never as HTML', () => {
  const book = { language: getLanguage('ur'), templates: { 'site.isFree': '{name} مفت ہے۔' } }
  const name = createElement('bdi', { lang: 'en-GB', dir: 'ltr' }, 'Action <Fraud>')
  const html = renderToStaticMarkup(createElement('p', null, tNodes(book, 'site.isFree', { name })))
  expect(html).toBe('<p><bdi lang="en-GB" dir="ltr">Action &lt;Fraud&gt;</bdi> مفت ہے۔</p>')
  expect(() => tNodes(book, 'site.isFree', {})).toThrow(/\{name\}/)
})

test('a run in another language than the page gets its lang and dir; one in the same language gets none', () => {
  expect(runAttributes('en', getLanguage('ur'))).toEqual({ lang: 'en-GB', dir: 'ltr' })
  expect(runAttributes('ur', getLanguage('en'))).toEqual({ lang: 'ur', dir: 'rtl' })
  expect(runAttributes('cy', getLanguage('cy'))).toEqual({})
})

test('a phrase the language’s catalogue lacks is shown in English and marked as English, so it reads right in Urdu', () => {
  const urdu = { ...content, phraseCatalogues: content.phraseCatalogues.map((c) => (c.language === 'ur' ? { ...c, phrases: { 'site.search': 'تلاش' } } : c)) }
  const book = phraseBook(urdu, 'ur')
  expect(book.fallbacks).toContain('site.call999')
  expect(book.fallbacks).not.toContain('site.search')
  const render = (node: ReturnType<typeof tText>) => renderToStaticMarkup(createElement('p', null, node))
  expect(render(tText(book, 'site.search'))).toBe('<p>تلاش</p>')
  expect(render(tText(book, 'site.call999'))).toBe('<p><span lang="en-GB" dir="ltr">Call 999</span></p>')
  expect(render(tNodes(book, 'site.isFree', { name: 'X' }))).toBe('<p><span lang="en-GB" dir="ltr">X is free.</span></p>')
  // English pages have no fallbacks to mark.
  expect(render(tText(phraseBook(urdu, 'en'), 'site.call999'))).toBe('<p>Call 999</p>')
})

test('a translated phrase with markup in it is printed as text, never as HTML', () => {
  const book = { language: getLanguage('ur'), templates: { 'site.isFree': '<img src=x onerror=alert(1)> {name}', 'site.call999': '<script>x</script>' } }
  const render = (node: ReturnType<typeof tText>) => renderToStaticMarkup(createElement('p', null, node))
  expect(render(tNodes(book, 'site.isFree', { name: 'X' }))).toBe('<p>&lt;img src=x onerror=alert(1)&gt; X</p>')
  expect(render(tText(book, 'site.call999'))).toBe('<p>&lt;script&gt;x&lt;/script&gt;</p>')
})
