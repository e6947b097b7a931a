// Translations stay honest after publishing: an editor changes the English original, the signed webhook for it
// regenerates its translations' pages too, and Urdu readers then see "last checked against the English version on
// …" (in Urdu); an editor translates the exit control's words in the Urdu phrase catalogue, and the Urdu page's
// Shift×3 announcements (GOV.UK's script, configured from the page's data-i18n attributes) speak Urdu. The dataset
// file is edited here and put back afterwards.
import { readFile, writeFile } from 'node:fs/promises'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { launchChromium, type Browser } from '@signpost/chromium'
import { readerDate } from '@signpost/content/rules'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { SEED_GUIDE_ID } from './fixtures'
import { url } from './site'

const UR = '/ur/guides/cyber-crime-and-fraud'
const UR_ID = `${SEED_GUIDE_ID}.ur`
type Doc = { _id: string; _type: string; [k: string]: unknown }

let original = ''
let chromium: Browser

async function editDataset(edit: (doc: Doc) => Doc) {
  const file = inject('datasetFile')
  const lines = (await readFile(file, 'utf8')).split('\n').map((line) => (line.trim() ? JSON.stringify(edit(JSON.parse(line) as Doc)) : line))
  await writeFile(file, lines.join('\n'))
}

let signed = 0
async function hook(doc: { _type: string; _id: string }): Promise<{ paths: string[] }> {
  const body = JSON.stringify(doc)
  const res = await fetch(url('/api/revalidate'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now() + signed++, inject('revalidateSecret')),
    },
    body,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { paths: string[] }
}

const notice = async () => {
  const html = await (await fetch(url(UR))).text()
  return html.match(/<div class="translation-notice"[^>]*>(.*?)<\/div>/s)?.[1] ?? ''
}

beforeAll(async () => {
  original = await readFile(inject('datasetFile'), 'utf8')
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  await writeFile(inject('datasetFile'), original)
  await hook({ _type: 'guide', _id: SEED_GUIDE_ID })
  await hook({ _type: 'phraseCatalogue', _id: 'phraseCatalogue.ur' })
})

test('a changed English original marks the Urdu page out of date, through the webhook for the original alone', async () => {
  const translation = original
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)
    .find((d) => d._id === UR_ID)?.translation as { checkedAgainstOriginalOn: string } | undefined
  expect(translation?.checkedAgainstOriginalOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  const checked = readerDate(translation!.checkedAgainstOriginalOn, 'ur')
  expect(await notice()).not.toContain(checked)

  await editDataset((d) => (d._id === SEED_GUIDE_ID ? { ...d, summary: `${String(d.summary)} Updated by an editor.` } : d))
  const { paths } = await hook({ _type: 'guide', _id: SEED_GUIDE_ID })
  expect(paths).toEqual(expect.arrayContaining(['/guides/cyber-crime-and-fraud', UR, '/cy/guides/cyber-crime-and-fraud', '/pl/guides/cyber-crime-and-fraud']))

  const text = await notice()
  // "This translation was last checked against the English version on {date}." in Urdu (English until translated),
  // with the date in Urdu's own month names, and the English version offered.
  expect(text).toContain(checked)
  expect(text).toContain('href="/guides/cyber-crime-and-fraud"')
})

test('the Urdu phrase catalogue’s words reach the page and the exit control’s spoken announcements', async () => {
  const TWO_MORE = 'باہر نکلنے کے لیے Shift مزید 2 بار دبائیں۔'
  const ONE_MORE = 'باہر نکلنے کے لیے Shift مزید 1 بار دبائیں۔'
  const SKIP = 'مرکزی مواد پر جائیں'
  await editDataset((d) =>
    d._id === 'phraseCatalogue.ur'
      ? {
          ...d,
          // "Call 999" taken out of the catalogue: the page shows it in English, marked as English inside the Urdu.
          site: { ...(d.site as object | undefined), exitPressTwoMoreTimes: TWO_MORE, exitPressOneMoreTime: ONE_MORE, skipToContent: SKIP, call999: undefined },
        }
      : d,
  )
  const { paths } = await hook({ _type: 'phraseCatalogue', _id: 'phraseCatalogue.ur' })
  expect(paths).toEqual(expect.arrayContaining([UR, '/ur', '/']))
  const page = await chromium.context.newPage()
  await page.goto(url(UR))
  expect(await page.locator('.skip-link').textContent()).toBe(SKIP)
  const call = page.locator('a.emergency-call span')
  expect(await call.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir'), el.textContent])).toEqual(['en-GB', 'ltr', 'Call 999'])
  const status = page.locator('.govuk-exit-this-page [role="status"]')
  await page.keyboard.press('Shift')
  expect(await status.textContent()).toBe(TWO_MORE)
  await page.keyboard.press('Shift')
  expect(await status.textContent()).toBe(ONE_MORE)
  await page.close()
})
