// Translations as readers and editors meet them: each language's guide with its own words, the organisations' facts
// from the organisations, and the warnings content:check gives about freshness, review and numbers.
import { expect, test } from 'vitest'
import { ContentError } from './problems.js'
import { loadContent } from './load.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'
import { type Document } from './sources/ndjson.js'
import { NotFoundError, getGuide, guidesForArea, guidesSignposting, viewGuide } from './views.js'
import { findContactNumbers } from './rules/contactNumbers.js'
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'

const GUIDE = 'guide.cyber-crime-and-fraud'
const seed = readSeedDocuments()
const load = (docs: unknown[]) =>
  loadContent({ source: embeddedSource(writeDatasetFile(docs)), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
const edit = (id: string, f: (d: Document) => Document) => seed.map((d) => (d._id === id ? f(structuredClone(d)) : d))
async function problemsOf(docs: unknown[]) {
  try {
    return (await load(docs)).warnings
  } catch (e) {
    if (!(e instanceof ContentError)) throw e
    return e.problems
  }
}

test('the seed guide is in English, Welsh, Polish and Urdu, each at its own address, none reviewed, all in date', async () => {
  const content = await load(seed)
  for (const [lang, url, dir] of [
    ['en', 'https://help.example.org/guides/cyber-crime-and-fraud', 'ltr'],
    ['cy', 'https://help.example.org/cy/guides/cyber-crime-and-fraud', 'ltr'],
    ['pl', 'https://help.example.org/pl/guides/cyber-crime-and-fraud', 'ltr'],
    ['ur', 'https://help.example.org/ur/guides/cyber-crime-and-fraud', 'rtl'],
  ] as const) {
    const guide = getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', lang)
    expect([guide.language, guide.url, guide.dir]).toEqual([lang, url, dir])
    expect(guidesForArea(content, 'derbyshire', lang).map((g) => g.id)).toEqual([guide.id])
    if (lang === 'en') expect(guide.translation).toBeUndefined()
    else expect(guide.translation).toMatchObject({ originalId: GUIDE, outOfDate: false, reviewed: false, checkedAgainstOriginalOn: '2026-11-02' })
  }
  expect(getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'ur').title).toBe('سائبر کرائم اور دھوکا دہی')
  expect(content.warnings.filter((w) => w.path === 'translation.translatedFromRevision')).toEqual([])
})

test('the Urdu view: Urdu words, organisations localised, names, numbers and short codes from the organisations', async () => {
  const content = await load(seed)
  const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'ur')
  expect(view.language).toMatchObject({ code: 'ur', tag: 'ur', dir: 'rtl' })
  expect(view.versions.map((v) => [v.language.code, v.url])).toEqual([
    ['en', 'https://help.example.org/guides/cyber-crime-and-fraud'],
    ['cy', 'https://help.example.org/cy/guides/cyber-crime-and-fraud'],
    ['pl', 'https://help.example.org/pl/guides/cyber-crime-and-fraud'],
    ['ur', 'https://help.example.org/ur/guides/cyber-crime-and-fraud'],
  ])
  expect(view.original).toEqual({ slug: 'cyber-crime-and-fraud', url: 'https://help.example.org/guides/cyber-crime-and-fraud', title: 'Cyber Crime and Fraud' })
  const dvs = view.primarySupport!
  expect(dvs.name).toBe('Derbyshire Victim Services')
  expect(dvs.description).toMatch(/^اگر آپ کبھی کسی جرم کا شکار ہوئے ہیں/)
  expect(dvs.contactPoints.map((c) => (c.kind === 'phone' ? c.display : c.kind === 'sms' ? `${c.keyword} ${c.shortCode}` : c.kind))).toEqual([
    '0800 612 6505',
    'DVS 82228',
    'website',
  ])
  expect(dvs.contactPoints[0]!.label).toBe('Derbyshire Victim Services کو فون کریں')
  expect(view.steps[0]!.organisationView?.contactPoints[0]).toMatchObject({ kind: 'phone', display: '0300 123 2040', href: 'tel:+443001232040' })
  // The English view is unchanged by any of this.
  const english = viewGuide(content, 'cyber-crime-and-fraud')
  expect(english.language.code).toBe('en')
  expect(english.primarySupport!.description).toMatch(/^If you have ever been the victim of crime/)
  expect(english.original).toBeUndefined()
  expect(english.checkedLine).toMatch(/^Checked 2026-11-01 · revision [0-9a-f]{7}$/)
})

test('a guide not translated into a language: NotFoundError naming the languages it exists in', async () => {
  const content = await load(seed.filter((d) => d._id !== `${GUIDE}.pl`))
  expect(() => getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'pl')).toThrow(NotFoundError)
  expect(() => getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'pl')).toThrow(
    'Guide "cyber-crime-and-fraud" is not translated into Polish (pl); it exists in: en (English), cy (Welsh), ur (Urdu).',
  )
  expect(() => getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'fr')).toThrow('Unknown language "fr"')
})

test('numbers in every translation are the English ones, and they are tappable inside Urdu, Welsh and Polish text', async () => {
  const content = await load(seed)
  const numbers = (lang: string) =>
    getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', lang).sections.flatMap((s) =>
      findContactNumbers(toPlainText(s.body as unknown as PortableTextBlock[])).map((n) => n.href),
    )
  expect(numbers('en')).toEqual(['tel:+443001232040'])
  for (const lang of ['cy', 'pl', 'ur']) expect(numbers(lang)).toEqual(numbers('en'))
  for (const lang of ['cy', 'pl', 'ur']) {
    const report = getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', lang).sections[3]!.body as unknown as Array<{ markDefs: Array<{ href?: string }> }>
    expect(report[0]!.markDefs).toContainEqual(expect.objectContaining({ _type: 'link', href: 'tel:+443001232040' }))
  }
})

test('a translation that changes a phone number is refused on that field; one that drops it is warned about', async () => {
  const changed = edit(`${GUIDE}.ur`, (d) => {
    const sections = d.sections as Array<{ body: Array<{ children: Array<{ text: string }> }> }>
    sections[3]!.body[0]!.children[0]!.text = sections[3]!.body[0]!.children[0]!.text.replace('0300 123 2040', '0300 123 2041')
    return d
  })
  const problems = await problemsOf(changed)
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: `${GUIDE}.ur`,
    path: 'sections[3].body',
    message: `The Urdu translation has the number "0300 123 2041", which the English guide (${GUIDE}) does not. Numbers must be exactly as in English: copy them from it.`,
  })
  expect(problems).toContainEqual(
    expect.objectContaining({ severity: 'warning', documentId: `${GUIDE}.ur`, message: expect.stringContaining('gives "0300 123 2040"') }),
  )
})

test('a translation that changes a short code is refused', async () => {
  const docs = edit(`${GUIDE}.cy`, (d) => ({ ...d, steps: [...(d.steps as object[]), { _type: 'step', _key: 'x', text: 'Anfonwch DVS at 82229.' }] }))
  const problems = await problemsOf(docs)
  expect(problems).toContainEqual(
    expect.objectContaining({ severity: 'error', documentId: `${GUIDE}.cy`, path: 'steps[3].text', message: expect.stringContaining('"82229"') }),
  )
})

test('a translation claiming a language Signpost does not publish in is refused, naming document and field', async () => {
  const problems = await problemsOf(edit(`${GUIDE}.ur`, (d) => ({ ...d, language: 'pa' })))
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: `${GUIDE}.ur`,
    path: 'language',
    message: '"pa" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
  })
})

test('a translation without its status, or with a bad date, is refused naming the field', async () => {
  const none = await problemsOf(edit(`${GUIDE}.pl`, (d) => ({ ...d, translation: undefined })))
  expect(none).toContainEqual(expect.objectContaining({ severity: 'error', documentId: `${GUIDE}.pl`, path: 'translation.translatedFromRevision' }))
  const badDate = await problemsOf(edit(`${GUIDE}.pl`, (d) => ({ ...d, translation: { ...(d.translation as object), checkedAgainstOriginalOn: 'yesterday' } })))
  expect(badDate).toContainEqual(expect.objectContaining({ severity: 'error', documentId: `${GUIDE}.pl`, path: 'translation.checkedAgainstOriginalOn' }))
})

test('review status: a reviewed translation says by whom and loses the warning', async () => {
  const docs = edit(`${GUIDE}.cy`, (d) => ({
    ...d,
    translation: { ...(d.translation as object), reviewed: true, reviewedBy: 'Cyfieithu Cymru', reviewedOn: '2026-11-20' },
  }))
  const content = await load(docs)
  expect(getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'cy').translation).toMatchObject({
    reviewed: true,
    reviewedBy: 'Cyfieithu Cymru',
    reviewedOn: '2026-11-20',
  })
  const review = content.warnings.filter((w) => w.path === 'translation.reviewed').map((w) => w.documentId)
  expect(review.sort()).toEqual([`${GUIDE}.pl`, `${GUIDE}.ur`])
})

test('two translations in one language, and a translation whose English original is gone, are warned about', async () => {
  const twin = { ...structuredClone(seed.find((d) => d._id === `${GUIDE}.cy`)!), _id: `${GUIDE}.cy2` }
  const docs = seed.map((d) =>
    d._type === 'translation.metadata'
      ? { ...d, translations: [...(d.translations as object[]), { _key: 'cy2', language: 'cy', value: { _type: 'reference', _ref: `${GUIDE}.cy2` } }] }
      : d,
  )
  const problems = await problemsOf([...docs, twin])
  expect(problems).toContainEqual(
    expect.objectContaining({
      severity: 'warning',
      documentId: `${GUIDE}.cy2`,
      message: `Two Welsh translations of the same guide: ${GUIDE}.cy and ${GUIDE}.cy2. Readers see only ${GUIDE}.cy; delete one.`,
    }),
  )

  const orphaned = seed.map((d) =>
    d._type === 'translation.metadata' ? { ...d, translations: (d.translations as Array<{ language: string }>).filter((t) => t.language !== 'en') } : d,
  )
  const gone = await problemsOf(orphaned.filter((d) => d._id !== GUIDE))
  expect(gone).toContainEqual(
    expect.objectContaining({
      severity: 'warning',
      documentId: `${GUIDE}.ur`,
      message: 'This Urdu guide is a translation of an English guide that does not exist (deleted or never published), so it is shown on its own.',
    }),
  )
  const metadataPointsNowhere = await problemsOf(seed.filter((d) => d._id !== GUIDE))
  expect(metadataPointsNowhere).toContainEqual(
    expect.objectContaining({
      documentId: 'translation.metadata.cyber-crime-and-fraud',
      path: 'translations[0]',
      message: expect.stringContaining('does not exist'),
    }),
  )
})

test('hostile translations of organisations and phrases are refused naming document and field; nothing is lost', async () => {
  const dvs = 'organisation.derbyshire-victim-services'
  const problems = await problemsOf([
    ...edit(dvs, (d) => ({ ...d, descriptionTranslations: { ...(d.descriptionTranslations as object), fr: 'Bonjour', ur: 42 } })).filter(
      (d) => d._id !== 'phraseCatalogue.pl',
    ),
    { _id: 'phraseCatalogue.xx', _type: 'phraseCatalogue', language: 'klingon', common: { checked: 'Qapla {date}' } },
  ])
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: dvs,
    path: 'descriptionTranslations.fr',
    message: '"fr" is not a language to translate into. Use one of: cy (Welsh), pl (Polish), ur (Urdu).',
  })
  expect(problems).toContainEqual({ severity: 'error', documentId: dvs, path: 'descriptionTranslations.ur', message: 'The translation must be text.' })
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: 'phraseCatalogue.xx',
    path: 'language',
    message: '"klingon" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
  })
  // A Polish guide with no Polish catalogue: one warning saying so, not one per phrase.
  expect(problems.filter((p) => p.documentId === 'phraseCatalogue.pl').map((p) => p.message)).toEqual([
    expect.stringMatching(/^There is no Polish phrase catalogue: \d+ phrases around Polish guides are shown in English\.$/),
  ])
})

test('a translated phrase that drops a placeholder is not used (English instead), with a warning naming it', async () => {
  const docs = edit('phraseCatalogue.cy', (d) => ({ ...d, leaflet: { ...(d.leaflet as object), pageXOfY: 'Tudalen {page}' } }))
  const content = await load(docs)
  const view = viewGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'cy')
  expect(view.phrases.t('leaflet.pageXOfY', { page: 1, pages: 4 })).toBe('Page 1 of 4')
  expect(view.phrases.t('common.whatToDoFirst')).toBe("Beth i'w wneud yn gyntaf")
  expect(content.warnings).toContainEqual({
    severity: 'warning',
    documentId: 'phraseCatalogue.cy',
    path: 'leaflet.pageXOfY',
    message:
      'Keep the placeholders exactly as in English ({page}, {pages}); this has {page}. Translate the words around them only. Readers see the English "Page {page} of {pages}" until it is fixed.',
  })
})

test('a translation still holding the English words it was copied from is warned about', async () => {
  const english = seed.find((d) => d._id === GUIDE)!
  const copied = edit(`${GUIDE}.pl`, (d) => ({
    ...d,
    title: english.title,
    summary: english.summary,
    sections: english.sections,
    steps: english.steps,
    organisationsIntro: english.organisationsIntro,
  }))
  const content = await load(copied)
  expect(content.warnings).toContainEqual({
    severity: 'warning',
    documentId: `${GUIDE}.pl`,
    path: 'sections',
    message: 'This Polish guide has exactly the English words (the Translations menu copies them): translate it before readers see it as Polish.',
  })
  expect((await load(seed)).warnings.filter((w) => w.message.includes('exactly the English words'))).toEqual([])
})

test('an Urdu paragraph with a right-to-left override around its number is refused at that span', async () => {
  const problems = await problemsOf(
    edit(`${GUIDE}.ur`, (d) => {
      const sections = d.sections as Array<{ body: Array<{ children: Array<{ text: string }> }> }>
      sections[3]!.body[0]!.children[0]!.text = sections[3]!.body[0]!.children[0]!.text.replace('0300 123 2040', '\u202e0300 123 2040\u202c')
      return d
    }),
  )
  expect(problems).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      documentId: `${GUIDE}.ur`,
      path: 'sections[3].body[0].children[0].text',
      message: expect.stringContaining('direction override (U+202E)'),
    }),
  )
})

test('the same number in Urdu digits (۰۳۰۰ ۱۲۳ ۲۰۴۰) is the same number: accepted, and tappable', async () => {
  const content = await load(
    edit(`${GUIDE}.ur`, (d) => {
      const sections = d.sections as Array<{ body: Array<{ children: Array<{ text: string }> }> }>
      sections[3]!.body[0]!.children[0]!.text = sections[3]!.body[0]!.children[0]!.text.replace('0300 123 2040', '۰۳۰۰ ۱۲۳ ۲۰۴۰')
      return d
    }),
  )
  expect(content.warnings.filter((w) => w.documentId === `${GUIDE}.ur` && /number/.test(w.message))).toEqual([])
  const body = getGuide(content, 'cyber-crime-and-fraud', 'derbyshire', 'ur').sections[3]!.body as unknown as Array<{ markDefs: Array<{ href?: string }> }>
  expect(body[0]!.markDefs).toContainEqual(expect.objectContaining({ href: 'tel:+443001232040' }))
})

test('guides signposting an organisation, per language (English by default)', async () => {
  const content = await load(seed)
  expect(guidesSignposting(content, 'action-fraud').map((g) => g.id)).toEqual([GUIDE])
  expect(guidesSignposting(content, 'action-fraud', 'derbyshire', 'ur').map((g) => g.id)).toEqual([`${GUIDE}.ur`])
})
