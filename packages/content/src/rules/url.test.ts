import { expect, test } from 'vitest'
import { checkHttpsUrl, displayUrl } from './url.js'

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
