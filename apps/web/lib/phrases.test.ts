import { getLanguage, loadContent } from '@signpost/content'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { phraseBook } from './phraseBook'
import { runAttributes, t, tNodes } from './phrases'

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
