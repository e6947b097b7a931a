import { expect, test } from 'vitest'
import { checkHttpsUrl, displayUrl, isSafeLinkHref } from './url.js'

test.each([
  ['https://www.actionfraud.police.uk', true, ''],
  ['https://www.getsafeonline.org/advice', true, ''],
  ['http://www.actionfraud.police.uk', false, 'must start with https://'],
  ['www.actionfraud.police.uk', false, 'not a complete web address'],
  ['https://localhost', false, 'full site name'],
  ['https://user:pw@example.org', false, 'user name or password'],
  ['', false, 'Add a web address'],
])('%s', (url, ok, message) => {
  const r = checkHttpsUrl(url)
  expect(r.ok).toBe(ok)
  if (!r.ok) expect(r.message).toContain(message)
})

test('addresses are printed without the scheme', () => {
  expect(displayUrl('https://www.actionfraud.police.uk/')).toBe('www.actionfraud.police.uk')
})

test.each([
  ['https://example.org', true],
  ['http://example.org', true],
  ['mailto:help@example.org', true],
  ['tel:+448006126505', true],
  ['sms:82228?body=DVS', true],
  ['javascript:alert(1)', false],
  [' JavaScript:alert(1)', false],
  ['data:text/html,<script>alert(1)</script>', false],
  ['/relative', false],
  [undefined, false],
])('link %s is safe: %s', (href, ok) => {
  expect(isSafeLinkHref(href)).toBe(ok)
})
