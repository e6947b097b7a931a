// The Studio's preview routes serve exactly what the other channels make: the leaflet PDF is byte-identical
// to @signpost/leaflets' renderLeaflet (what the CLI writes), the email preview is @signpost/email's render.
import { embeddedSource, loadContent, viewGuide } from '@signpost/content'
import { renderAdviceEmail } from '@signpost/email'
import { leafletFileName, renderLeaflet } from '@signpost/leaflets'
import { expect, inject, test } from 'vitest'
import { GUIDE, origin, url } from './site'

async function view(lang?: string) {
  const content = await loadContent({ source: embeddedSource(inject('datasetFile')), siteUrl: origin() })
  return viewGuide(content, 'cyber-crime-and-fraud', undefined, lang)
}

test.each(['standard', 'large-print'] as const)("the %s leaflet is the renderer's bytes, with its file name", async (format) => {
  const expected = await renderLeaflet(await view(), { format })
  const res = await fetch(url(`${GUIDE}/${format === 'standard' ? 'leaflet.pdf' : 'leaflet-large-print.pdf'}`))
  const got = Buffer.from(await res.arrayBuffer())
  expect(got.equals(expected)).toBe(true)
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${leafletFileName('cyber-crime-and-fraud', format)}"`)
})

test("the Studio's leaflet view gets the same PDF to show in its frame, not as a download", async () => {
  const res = await fetch(url(`${GUIDE}/leaflet.pdf?view=inline`))
  expect(res.headers.get('content-disposition')).toBe(`inline; filename="${leafletFileName('cyber-crime-and-fraud', 'standard')}"`)
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' http://localhost:3333")
  expect(Buffer.from(await res.arrayBuffer()).equals(await renderLeaflet(await view()))).toBe(true)
})

test('the email previews are the advice email as rendered by @signpost/email', async () => {
  const email = renderAdviceEmail(await view())
  expect(await (await fetch(url(`${GUIDE}/email-preview`))).text()).toBe(email.html)
  expect(await (await fetch(url(`${GUIDE}/email-preview.txt`))).text()).toBe(email.text)
})

test("a translation's email preview is that language's advice email, for the Studio's view of the translation", async () => {
  const email = renderAdviceEmail(await view('ur'))
  const html = await (await fetch(url(`${GUIDE}/email-preview?lang=ur`))).text()
  expect(html).toBe(email.html)
  expect(html).toContain('dir="rtl"')
  expect(await (await fetch(url(`${GUIDE}/email-preview.txt?lang=ur`))).text()).toBe(email.text)
  expect((await fetch(url(`${GUIDE}/email-preview?lang=xx`))).status).toBe(404)
})
