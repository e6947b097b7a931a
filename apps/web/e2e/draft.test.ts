// Draft preview: behind a secret, with only same-site redirects; in draft mode pages show drafts.* content
// and a visible banner; leaving draft mode returns to the published page.
import { expect, inject, test } from 'vitest'
import { DRAFT_TITLE } from './fixtures'
import { GUIDE, url } from './site'

const h1 = (html: string) => html.match(/<h1>([^<]*)<\/h1>/)?.[1]

test('a wrong or missing secret gets 401 and no cookie', async () => {
  for (const q of ['', '?secret=wrong', `?secret=${inject('previewSecret')}x`]) {
    const res = await fetch(url(`/api/draft-mode/enable${q}`), { redirect: 'manual' })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
  }
})

test('only same-site relative redirects are followed', async () => {
  for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
    const res = await fetch(url(`/api/draft-mode/enable?secret=${inject('previewSecret')}&redirect=${encodeURIComponent(target)}`), { redirect: 'manual' })
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe('/')
  }
})

test('draft mode shows the draft with a banner; the public page stays published', async () => {
  const enable = await fetch(url(`/api/draft-mode/enable?secret=${inject('previewSecret')}&redirect=${encodeURIComponent(GUIDE)}`), { redirect: 'manual' })
  expect(enable.status).toBe(307)
  expect(enable.headers.get('location')).toBe(GUIDE)
  const cookie = enable.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  expect(cookie).toContain('__prerender_bypass=')
  const draftResponse = await fetch(url(GUIDE), { headers: { cookie } })
  // The Studio's "Web page" view frames the draft page; public pages stay unframable.
  expect(draftResponse.headers.get('content-security-policy')).toContain("frame-ancestors 'self' http://localhost:3333")
  const draft = await draftResponse.text()
  expect(h1(draft)).toBe(DRAFT_TITLE)
  expect(draft).toContain('Preview: showing drafts')
  const publishedResponse = await fetch(url(GUIDE))
  expect(publishedResponse.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  const published = await publishedResponse.text()
  expect(h1(published)).not.toBe(DRAFT_TITLE)
  expect(published).not.toContain('Preview: showing drafts')
})
