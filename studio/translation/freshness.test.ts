// The Studio's "Out of date" and review badges use the same revision as content:check: a translation made from the
// English is up to date until the English words change.
import { embeddedSource, loadContent } from '@signpost/content'
import { PHRASE_GROUPS, PHRASE_KEYS } from '@signpost/content/rules'
import { readSeedDocuments, writeDatasetFile } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStudio, type TestStudio } from '../schemaTypes/testWorkspace'
import { guideBadges, TranslationFreshnessBadge, TranslationReviewBadge } from './badges'
import { checkedAgainst, freshnessBadge, originalRevision, reviewBadge, translationState, type StoredGuide } from './freshness'
import { translationStartPatch } from './recordTranslationStart'
import { ORIGINAL_QUERY } from './useOriginalGuide'
import { evaluate, parse } from 'groq-js'

const seed = readSeedDocuments()
const english = seed.find((d) => d._id === 'guide.cyber-crime-and-fraud') as StoredGuide
const urdu = seed.find((d) => d._id === 'guide.cyber-crime-and-fraud.ur') as StoredGuide
const editedEnglish = () => {
  const g = structuredClone(english) as StoredGuide & { steps: Array<{ text: string }> }
  g.steps[0]!.text = 'Report fraud to Action Fraud straight away. You will get a crime reference number.'
  return g
}

describe('translation freshness in the Studio', () => {
  it('computes the same revision of the English as the content door', async () => {
    const content = await loadContent({ source: embeddedSource(writeDatasetFile(seed)), siteUrl: 'https://x.org' })
    expect(originalRevision(english)).toBe(content.guides.find((g) => g.id === english._id)!.contentRevision)
    expect(urdu.translation?.translatedFromRevision).toBe(originalRevision(english))
  })

  it('a seed translation is up to date; after the English changes it is out of date, with both revisions', () => {
    expect(translationState(urdu, english)).toMatchObject({ kind: 'upToDate' })
    expect(freshnessBadge(translationState(urdu, english))).toMatchObject({ label: 'Up to date', color: 'success' })
    const stale = translationState(urdu, editedEnglish())
    expect(stale.kind).toBe('outOfDate')
    expect(freshnessBadge(stale)).toEqual({
      label: 'Out of date',
      color: 'danger',
      title: `Out of date: translated from revision ${originalRevision(english)} on 2026-11-02; the original is now at revision ${originalRevision(editedEnglish())}. Update the translation to match the English, then press "Checked against the English".`,
    })
  })

  it('"Checked against the English" records the current revision and today, which makes it up to date again', () => {
    const values = checkedAgainst(editedEnglish(), new Date('2026-11-30T15:00:00Z'))
    expect(values).toEqual({ translatedFromRevision: originalRevision(editedEnglish()), checkedAgainstOriginalOn: '2026-11-30' })
    const rechecked = { ...urdu, translation: { ...urdu.translation, ...values } }
    expect(translationState(rechecked, editedEnglish()).kind).toBe('upToDate')
  })

  it('a new translation starts from the English revision it was made from, not reviewed', () => {
    expect(translationStartPatch(english, new Date('2026-12-01T09:00:00Z'))).toEqual({
      translation: { _type: 'translationStatus', translatedFromRevision: originalRevision(english), checkedAgainstOriginalOn: '2026-12-01', reviewed: false },
    })
  })

  it('English guides get no badge; translations without an original say so', () => {
    expect(freshnessBadge(translationState(english, null))).toBeNull()
    expect(reviewBadge(english)).toBeNull()
    expect(freshnessBadge(translationState(urdu, null))).toMatchObject({ label: 'No English original', color: 'warning' })
  })

  it('review: "Not checked by a translator" until it is, then who and when', () => {
    expect(reviewBadge(urdu)).toMatchObject({ label: 'Not checked by a translator', color: 'warning' })
    expect(reviewBadge({ ...urdu, translation: { ...urdu.translation, reviewed: true, reviewedBy: 'A. Translator', reviewedOn: '2026-11-20' } })).toEqual({
      label: 'Checked by a translator',
      title: 'Checked by a qualified translator by A. Translator on 2026-11-20.',
      color: 'success',
    })
  })
})

describe('finding the English original', () => {
  it('the query the badge runs finds the English guide from any of its translations, and nothing for the English', async () => {
    const run = async (id: string) => (await evaluate(parse(ORIGINAL_QUERY), { dataset: seed, params: { id } })).get()
    expect(((await run('guide.cyber-crime-and-fraud.ur')) as StoredGuide)._id).toBe('guide.cyber-crime-and-fraud')
    expect(((await run('guide.cyber-crime-and-fraud.cy')) as StoredGuide)._id).toBe('guide.cyber-crime-and-fraud')
    expect(await run('guide.not-translated')).toBeNull()
    expect(translationState(urdu, (await run(urdu._id!)) as StoredGuide).kind).toBe('upToDate')
  })
})

describe('the Studio workspace', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await startTestStudio()
  })
  afterAll(() => studio.close())

  it('has Sanity’s document internationalization for guides, with a template per supported language', () => {
    expect(studio.workspace.schema.get('translation.metadata')).toBeDefined()
    const ids = studio.workspace.templates.map((t) => t.id)
    for (const code of ['en', 'cy', 'pl', 'ur']) expect(ids).toContain(`guide-${code}`)
  })

  it('generates the translated fields from the one language list and the phrase keys from the phrase files', () => {
    type Obj = { fields: Array<{ name: string; type: Obj }> }
    const fieldsOf = (type: string, field: string) =>
      (studio.workspace.schema.get(type) as unknown as Obj).fields.find((f) => f.name === field)!.type.fields.map((f) => f.name)
    expect(fieldsOf('organisation', 'descriptionTranslations')).toEqual(['cy', 'pl', 'ur'])
    expect(fieldsOf('phoneContact', 'hoursTranslations')).toEqual(['cy', 'pl', 'ur'])
    const keys = PHRASE_GROUPS.flatMap((group) => fieldsOf('phraseCatalogue', group).map((name) => `${group}.${name}`))
    expect(keys.sort()).toEqual([...PHRASE_KEYS].sort())
  })

  it('shows the freshness and review badges on guides only', () => {
    const badges = studio.workspace.document.badges({ schemaType: 'guide', documentId: 'guide.x' } as never)
    expect(badges).toEqual(expect.arrayContaining([TranslationFreshnessBadge, TranslationReviewBadge]))
    expect(guideBadges([], 'organisation')).toEqual([])
  })

  it('refuses a translated phrase that changes its placeholders, and a translated label on two lines', async () => {
    const catalogue = seed.find((d) => d._id === 'phraseCatalogue.cy')!
    const markers = await studio.validate({ ...catalogue, leaflet: { pageXOfY: 'Tudalen {tudalen} o {pages}' } })
    expect(markers.map((m) => m.message)).toContain(
      'Keep the placeholders exactly as in English ({page}, {pages}); this has {pages}, {tudalen}. Translate the words around them only.',
    )
    const dvs = seed.find((d) => d._id === 'organisation.derbyshire-victim-services')!
    const label = await studio.validate({
      ...dvs,
      contactPoints: [{ _type: 'phoneContact', _key: 'p', number: '0800 612 6505', labelTranslations: { cy: 'Ffoniwch\nni' } }],
    })
    expect(label.filter((m) => m.level === 'error').map((m) => m.path.map((p) => (typeof p === 'object' ? '[]' : p)).join('.'))).toContain(
      'contactPoints.[].labelTranslations.cy',
    )
  })
})
