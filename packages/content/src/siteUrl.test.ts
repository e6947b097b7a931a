// Commands that print or send addresses learn whether SIGNPOST_SITE_URL can be given to readers.
import { expect, test } from 'vitest'
import { checkSiteUrlForOutput, siteUrlNotice } from './siteUrl.js'

test('a public https address is fine: no warning, no refusal', () => {
  expect(checkSiteUrlForOutput({ SIGNPOST_SITE_URL: 'https://victimservices.example.org' })).toEqual({
    siteUrl: 'https://victimservices.example.org',
    refuse: false,
  })
})

test('unset: a warning naming the variable and the localhost address; refused only in production', () => {
  const dev = checkSiteUrlForOutput({})
  expect(dev.refuse).toBe(false)
  expect(dev.warning).toMatch(/^Warning: SIGNPOST_SITE_URL is not set, so links and QR codes point at http:\/\/localhost:3000, which readers cannot reach\./)
  expect(checkSiteUrlForOutput({ NODE_ENV: 'production' }).refuse).toBe(true)
})

test.each(['http://localhost:3000', 'http://127.0.0.1:8080', 'http://signpost.localhost', 'http://[::1]:3000', 'http://0.0.0.0'])(
  '%s is local: warned, refused in production',
  (url) => {
    const r = checkSiteUrlForOutput({ SIGNPOST_SITE_URL: url })
    expect(r.warning).toContain(`SIGNPOST_SITE_URL points at ${url.replace(/\/$/, '')}`)
    expect(r.refuse).toBe(false)
    expect(checkSiteUrlForOutput({ SIGNPOST_SITE_URL: url, NODE_ENV: 'production' }).refuse).toBe(true)
  },
)

test('something that is not a web address is always refused, saying so', () => {
  const r = checkSiteUrlForOutput({ SIGNPOST_SITE_URL: 'victimservices' })
  expect(r.refuse).toBe(true)
  expect(r.warning).toMatch(/SIGNPOST_SITE_URL is not a web address \("victimservices"\)/)
})

test('a command is told what to say first: a warning, or in production a refusal naming what it would do', () => {
  expect(siteUrlNotice('print leaflets', { SIGNPOST_SITE_URL: 'https://victimservices.example.org', NODE_ENV: 'production' })).toEqual({})
  expect(siteUrlNotice('print leaflets', {}).warning).toMatch(/^Warning: SIGNPOST_SITE_URL is not set/)
  const refused = siteUrlNotice('print leaflets', { NODE_ENV: 'production' })
  expect(refused.warning).toBeUndefined()
  expect(refused.refusal).toMatch(/^SIGNPOST_SITE_URL is not set, .* Refusing to print leaflets with NODE_ENV=production\.$/)
  expect(siteUrlNotice('send advice emails', { SIGNPOST_SITE_URL: 'victimservices' }).refusal).toMatch(
    /^SIGNPOST_SITE_URL is not a web address \("victimservices"\)/,
  )
})
