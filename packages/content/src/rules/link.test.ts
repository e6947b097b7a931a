// Link targets in rich text: only https, mailto, tel and sms, each well formed; the renderers' isSafeLinkHref agrees.
import { describe, expect, test } from 'vitest'
import { checkLinkHref, checkRichTextLinks, isSafeLinkHref } from './link.js'

describe('links editors may publish', () => {
  test.each([
    'https://www.actionfraud.police.uk/reporting-fraud-and-cyber-crime',
    'mailto:help@example.org',
    'mailto:help@example.org?subject=Fraud%20advice&body=Hello',
    'tel:+443001232040',
    'tel:999',
    'tel:0300-123-2040',
    'sms:82228',
    'sms:82228?body=DVS',
    'sms:+447700900123?body=Help',
  ])('%s is accepted', (href) => {
    expect(checkLinkHref(href)).toMatchObject({ ok: true })
    expect(isSafeLinkHref(href)).toBe(true)
  })
})

describe('links that are refused, naming the target', () => {
  test.each<[string, RegExp]>([
    ['javascript:alert(1)', /"javascript:alert\(1\)" is not one readers can safely follow \(javascript: links are not allowed\)/],
    [' JavaScript:alert(1)', /javascript: links are not allowed/],
    ['data:text/html,<script>alert(1)</script>', /data: links are not allowed/],
    ['vbscript:msgbox(1)', /vbscript: links are not allowed/],
    ['file:///etc/passwd', /file: links are not allowed/],
    ['/guides/cyber-crime-and-fraud', /"\/guides\/cyber-crime-and-fraud" is not a complete address/],
    ['//evil.example/x', /"\/\/evil.example\/x" is not a complete address/],
    ['http://www.actionfraud.police.uk', /must start with https:\/\//],
    ['https://intranet', /full site name/],
    ['mailto:help@example.org?bcc=everyone@example.org', /adds "bcc" to the message: only subject and body are allowed/],
    ['mailto:help@example.org?cc=x@example.org', /adds "cc"/],
    ['mailto:help@example.org?subject=Hi%0D%0ABcc:x@example.org', /%0D, %0A or %00/],
    ['mailto:help@example.org%0D%0ABcc:x@example.org', /not have a valid address/],
    ['mailto:a@example.org,b@example.org', /exactly one address/],
    ['mailto:not-an-address', /not have a valid address/],
    ['tel:12', /not a number phones can dial/],
    ['tel:+12125550100', /not a number phones can dial.*not a UK number/],
    ['tel:+443001232040;ext=12', /must be just a number/],
    ['tel:0800 CALL NOW', /not a number phones can dial/],
    ['sms:8222', /does not go to a number phones can text/],
    ['sms:82228?body=DVS&to=999', /adds "to"/],
    ['sms:82228,60006', /one number/],
    ['https://example.org/a\nb', /line break/],
    ['', /Add where the link goes/],
  ])('%j', (href, message) => {
    const r = checkLinkHref(href)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(message)
      expect(r.message).not.toMatch(/[\r\n]/)
      expect(r.message).not.toContain('\u0000')
    }
    expect(isSafeLinkHref(href)).toBe(false)
  })
  test('a target is quoted escaped and shortened, never raw', () => {
    const r = checkLinkHref(`javascript:${'a'.repeat(300)}\u0000`)
    expect(r.ok || r.message).toMatch(/"javascript:a{69}…"/)
  })
  test('isSafeLinkHref refuses what is not text', () => {
    expect(isSafeLinkHref(undefined)).toBe(false)
    expect(isSafeLinkHref(42)).toBe(false)
  })
})

test('every refused link in Portable Text is found with its path inside the blocks', () => {
  const blocks = [
    { _type: 'block', markDefs: [{ _type: 'link', _key: 'a', href: 'https://ok.example.org' }], children: [] },
    {
      _type: 'block',
      markDefs: [
        { _type: 'link', _key: 'b', href: 'javascript:alert(1)' },
        { _type: 'link', _key: 'c', href: 'tel:999' },
      ],
      children: [],
    },
    { _type: 'image' },
  ]
  expect(checkRichTextLinks(blocks)).toEqual([{ path: [1, 'markDefs', 0, 'href'], message: expect.stringContaining('javascript: links are not allowed') }])
})
