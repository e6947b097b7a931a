// Test datasets with the seed guide translated into Urdu, Welsh and Polish (real sentences in each language, with
// the English organisation names, phone numbers and an address inside them, as translators write them), linked to
// the English original as the Studio's translation plugin links them, plus phrase catalogues. For tests and the
// benchmark only; the embedded dataset's own translations are CONTENT-LANG's.
import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { defaultDatasetPath, loadContent } from '@signpost/content'
import { SEED_GUIDE } from './dataset.js'

type Doc = Record<string, unknown> & { _id: string; _type: string }

const block = (key: string, text: string, listItem?: 'bullet') => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  ...(listItem ? { listItem, level: 1 } : {}),
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
})

export type TranslatedText = {
  title: string
  summary: string
  sections: { heading: string; paragraphs: string[]; bullets?: string[] }[]
  steps: [string, string, string]
  organisationsIntro: string
  /** Phrase catalogue: channel -> key (without the channel) -> text. */
  phrases: Record<string, Record<string, string>>
}

export const URDU: TranslatedText = {
  title: 'سائبر جرائم اور دھوکہ دہی',
  summary: 'سائبر جرائم اور دھوکہ دہی کیا ہیں، ان کی اطلاع کیسے دیں، اور کون مدد کر سکتا ہے۔',
  sections: [
    {
      heading: 'سائبر جرائم کیا ہیں؟',
      paragraphs: ['مواصلاتی ٹیکنالوجی کے ذریعے بہت سے جرائم کیے جا سکتے ہیں۔ سائبر جرائم عام طور پر دو قسموں میں سے ایک میں آتے ہیں:'],
      bullets: [
        'نئی ٹیکنالوجی سے کیے گئے نئے جرائم، جیسے کمپیوٹر سسٹم میں گھس کر ڈیٹا چرانا یا بدلنا (ہیکنگ)',
        'پرانے جرائم جو نئی ٹیکنالوجی سے کیے جاتے ہیں، جیسے غیر قانونی تصاویر بھیجنا یا دھوکہ دہی۔',
      ],
    },
    { heading: 'دھوکہ دہی کیا ہے؟', paragraphs: ['دھوکہ دہی ذاتی فائدے کے لیے یا کسی دوسرے کو نقصان پہنچانے کے لیے کیا گیا فریب ہے۔'] },
    {
      heading: 'اطلاع کیسے دیں؟',
      paragraphs: [
        'اگر آپ کے ساتھ دھوکہ ہوا ہے اور آپ کو فوری خطرہ نہیں ہے تو Action Fraud سے 0300 123 2040 پر رابطہ کریں۔ Action Fraud برطانیہ کا پہلا قومی مرکز ہے جو دھوکہ دہی کی رپورٹیں لیتا ہے اور آپ کو کرائم ریفرنس نمبر دیتا ہے۔',
        'مزید معلومات کے لیے ویب سائٹ www.actionfraud.police.uk دیکھیں، یا ہفتے کے ساتوں دن ٹیلی‌فون کریں۔',
      ],
    },
  ],
  steps: [
    'Action Fraud کو دھوکہ دہی کی اطلاع دیں۔ آپ کو کرائم ریفرنس نمبر ملے گا۔',
    'Derbyshire Victim Services سے مفت اور رازدارانہ مدد لیں، چاہے آپ نے پولیس کو نہ بتایا ہو۔',
    'اطلاع دینے میں شرم محسوس نہ کریں۔ آپ کی معلومات کسی اور کو بچا سکتی ہیں۔',
  ],
  organisationsIntro: 'نیچے دوسری تنظیمیں ہیں جو مشورہ اور مدد دے سکتی ہیں:',
  phrases: {
    common: {
      whatToDoNow: 'ابھی کیا کریں',
      whoCanHelp: 'کون مدد کر سکتا ہے',
      freeSupportIn: '{area} میں مفت مدد',
      checked: 'جانچ کی تاریخ {date}',
      translationUnchecked: 'اس ترجمے کی ابھی کسی مستند مترجم نے جانچ نہیں کی۔',
      readInEnglish: 'یہ رہنما انگریزی میں پڑھیں',
      translationOutOfDate: 'اس ترجمے کو آخری بار {date} کو انگریزی ورژن سے ملایا گیا تھا۔',
      emergency: 'اگر آپ کو فوری خطرہ ہے تو 999 پر کال کریں۔',
      contactPhone: 'فون',
      contactWebsite: 'ویب سائٹ',
    },
    leaflet: {
      inThisLeaflet: 'اس کتابچے میں',
      // A figure space and a medium mathematical space, as pasted text may have: the fonts have no glyphs for them, so they must print as spaces.
      pageReference: 'صفحہ\u2007{page}',
      pageXOfY: 'صفحہ {page}\u205fاز\u202f{pages}',
      whatYouCanDo: 'آپ کیا کر سکتے ہیں',
      howToGetHelp: 'مدد کیسے حاصل کریں',
      readOnline: 'یہ رہنما آن لائن پڑھیں: فون کے کیمرے سے کوڈ اسکین کریں، یا یہ پتہ لکھیں:',
      freeAndConfidential: 'مفت اور رازدارانہ۔',
      free: 'مفت۔',
      contactText: 'پیغام',
      revision: 'کتابچے کی نظرثانی {revision}۔',
      linkCall: '{number} پر کال کریں',
    },
  },
}

export const WELSH: TranslatedText = {
  title: 'Seiberdroseddu a Thwyll',
  summary: 'Beth yw seiberdroseddu a thwyll, sut i roi gwybod amdanynt, a phwy all helpu.',
  sections: [
    {
      heading: 'Beth ddylwn i ei wneud?',
      paragraphs: [
        'Os ydych chi wedi dioddef twyll ac nad ydych mewn perygl uniongyrchol, cysylltwch ag Action Fraud ar 0300 123 2040. Gallwch ffonio o’ch tŷ; bydd y gŵr neu’r wraig sy’n ateb yn cymryd eich adroddiad.',
      ],
    },
  ],
  steps: [
    'Rhowch wybod i Action Fraud am dwyll. Byddwch yn cael rhif cyfeirnod trosedd.',
    'Cewch gymorth cyfrinachol am ddim gan Derbyshire Victim Services, hyd yn oed os nad ydych wedi dweud wrth yr heddlu.',
    'Peidiwch â bod â chywilydd rhoi gwybod. Gallai eich gwybodaeth helpu i amddiffyn rhywun arall, boed yn ŵyr neu’n nain.',
  ],
  organisationsIntro: 'Isod mae rhestr o sefydliadau eraill a allai roi cyngor a chymorth:',
  phrases: {
    common: { whatToDoNow: 'Beth i’w wneud nawr', whoCanHelp: 'Pwy all helpu', freeSupportIn: 'Cymorth am ddim yn {area}' },
    leaflet: { pageXOfY: 'Tudalen {page} o {pages}' },
  },
}

export const POLISH: TranslatedText = {
  title: 'Cyberprzestępczość i oszustwa',
  summary: 'Czym są cyberprzestępczość i oszustwa, jak je zgłosić i kto może pomóc.',
  sections: [
    {
      heading: 'Co powinienem zrobić?',
      paragraphs: [
        'Jeśli padłeś ofiarą oszustwa i nie grozi ci bezpośrednie niebezpieczeństwo, zadzwoń do Action Fraud pod numer 0300 123 2040. Zgłoszenie jest bezpłatne; nie wstydź się, że coś poszło źle — każda wiadomość pomaga łapać przestępców.',
      ],
    },
  ],
  steps: [
    'Zgłoś oszustwo do Action Fraud. Otrzymasz numer referencyjny przestępstwa.',
    'Uzyskaj bezpłatną, poufną pomoc od Derbyshire Victim Services, nawet jeśli nie powiedziałeś policji.',
    'Nie wstydź się zgłosić. Twoje informacje mogą pomóc chronić kogoś innego, źle się czującego.',
  ],
  organisationsIntro: 'Poniżej znajduje się lista innych organizacji, które mogą udzielić porady i wsparcia:',
  phrases: {
    common: { whatToDoNow: 'Co zrobić teraz', whoCanHelp: 'Kto może pomóc', freeSupportIn: 'Bezpłatne wsparcie w {area}' },
    leaflet: { pageXOfY: 'Strona {page} z {pages}' },
  },
}

export const TRANSLATIONS = { ur: URDU, cy: WELSH, pl: POLISH } as const
export type TranslatedLanguage = keyof typeof TRANSLATIONS

/**
 * The seed dataset plus the seed guide translated into `languages` (unchecked by a translator, checked against the
 * current English unless `outOfDate`), each linked to the original, with each language's phrase catalogue.
 * `edit` may change any translation before it is written (to put in a character no font has, for instance).
 */
export async function translatedDataset(
  languages: readonly TranslatedLanguage[] = ['ur', 'cy', 'pl'],
  options: { outOfDate?: boolean; edit?: (lang: TranslatedLanguage, text: TranslatedText) => TranslatedText } = {},
): Promise<string> {
  const seedFile = defaultDatasetPath()
  const docs = (await readFile(seedFile, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)
  const original = docs.find((d) => d._id === `guide.${SEED_GUIDE}`)
  if (!original) throw new Error(`The seed dataset has no guide ${SEED_GUIDE}`)
  const english = (await loadContent()).guides.find((g) => g.id === original._id)
  const revision = options.outOfDate ? 'an-older-revision' : (english as { contentRevision?: string } | undefined)?.contentRevision
  if (!revision) throw new Error('The English guide has no contentRevision to translate from.')
  // Drop any translation of the seed guide already in the dataset, so the test's texts are the ones shown.
  const kept = docs.filter((d) => !(d._type === 'guide' && d._id !== original._id && (d.slug as { current?: string })?.current === SEED_GUIDE))
  const withoutGroups = kept.filter(
    (d) => d._type !== 'translation.metadata' && !(d._type === 'phraseCatalogue' && languages.includes(d.language as TranslatedLanguage)),
  )
  const steps = original.steps as Record<string, unknown>[]
  const group: Doc = {
    _id: `translation.metadata.${SEED_GUIDE}`,
    _type: 'translation.metadata',
    schemaTypes: ['guide'],
    translations: [{ _key: 'en', _type: 'internationalizedArrayReferenceValue', value: { _type: 'reference', _ref: original._id } }],
  }
  for (const lang of languages) {
    const text = options.edit ? options.edit(lang, TRANSLATIONS[lang]) : TRANSLATIONS[lang]
    const id = `${original._id}.${lang}`
    withoutGroups.push({
      ...original,
      _id: id,
      language: lang,
      title: text.title,
      summary: text.summary,
      sections: text.sections.map((s, i) => ({
        _type: 'section',
        _key: `s${i}`,
        heading: s.heading,
        body: [...s.paragraphs.map((p, j) => block(`s${i}p${j}`, p)), ...(s.bullets ?? []).map((b, j) => block(`s${i}b${j}`, b, 'bullet'))],
      })),
      steps: steps.map((step, i) => ({ ...step, text: text.steps[i] })),
      organisationsIntro: text.organisationsIntro,
      translation: { translatedFromRevision: revision, checkedAgainstOriginalOn: '2026-11-02', reviewed: false, reviewedBy: null, reviewedOn: null },
    })
    ;(group.translations as unknown[]).push({ _key: lang, _type: 'internationalizedArrayReferenceValue', value: { _type: 'reference', _ref: id } })
    withoutGroups.push({ _id: `phraseCatalogue.${lang}`, _type: 'phraseCatalogue', language: lang, ...text.phrases })
  }
  withoutGroups.push(group)
  const dir = await mkdtemp(join(tmpdir(), 'signpost-leaflets-lang-'))
  const file = join(dir, 'dataset.ndjson')
  await writeFile(file, withoutGroups.map((d) => JSON.stringify(d)).join('\n') + '\n')
  await cp(join(dirname(seedFile), 'images'), join(dir, 'images'), { recursive: true })
  return file
}
