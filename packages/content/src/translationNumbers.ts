// A translation must not change a phone number or a text short code: numbers come from the English guide and the
// organisations, never from the translator. Each number in a translation's text is checked against the numbers in its
// English original's text (findContactNumbers, the rules that make them tappable). A number the original does not have
// is an error on the field that has it; a number the translation leaves out is a warning.
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import type { Problem } from './model.js'
import type { RawGuide } from './raw.js'
import { findContactNumbers, getLanguage, westernDigits } from './rules/index.js'

type Field = { path: string; text: string }

function fields(g: RawGuide): Field[] {
  return [
    { path: 'summary', text: g.summary },
    ...g.sections.map((s, i) => ({ path: `sections[${i}].body`, text: toPlainText(s.body as unknown as PortableTextBlock[]) })),
    ...g.steps.map((s, i) => ({ path: `steps[${i}].text`, text: s.text })),
    { path: 'organisationsIntro', text: g.organisationsIntro ?? '' },
    { path: 'textMessage', text: g.textMessage ?? '' },
  ]
}

/** The numbers as dialled: tel:+443001232040, sms:82228?body=DVS; and for text instructions, the short code alone. */
function numbersIn(text: string): Array<{ key: string; shown: string }> {
  const out: Array<{ key: string; shown: string }> = []
  for (const c of findContactNumbers(text)) {
    out.push({ key: c.href, shown: c.text })
    if (c.kind === 'sms') out.push({ key: `shortcode:${/^sms:(\d+)/.exec(c.href)?.[1] ?? ''}`, shown: c.text })
  }
  // A short code in a sentence the text rule cannot read (Urdu word order: "DVS کو 82228 پر"), as digits.
  for (const m of westernDigits(text).matchAll(/(?<![\d\p{L}])(\d{5})(?![\d\p{L}])/gu)) out.push({ key: `shortcode:${m[1]}`, shown: m[1]! })
  return out
}

export function checkTranslationNumbers(translation: RawGuide, original: RawGuide): Problem[] {
  const problems: Problem[] = []
  const language = getLanguage(translation.language).name
  const english = new Map(fields(original).flatMap((f) => numbersIn(f.text).map((n) => [n.key, n.shown] as const)))
  const found = new Set<string>()
  for (const f of fields(translation)) {
    for (const n of numbersIn(f.text)) {
      found.add(n.key)
      if (english.has(n.key)) continue
      problems.push({
        severity: 'error',
        documentId: translation._id,
        path: f.path,
        message: `The ${language} translation has the number "${n.shown}", which the English guide (${original._id}) does not. Numbers must be exactly as in English: copy them from it.`,
      })
    }
  }
  for (const [key, shown] of english) {
    if (found.has(key) || (key.startsWith('sms:') && found.has(`shortcode:${/^sms:(\d+)/.exec(key)?.[1] ?? ''}`))) continue
    problems.push({
      severity: 'warning',
      documentId: translation._id,
      path: 'sections',
      message: `The English guide (${original._id}) gives "${shown}", but the ${language} translation does not have that number. Check that it was not changed or left out.`,
    })
  }
  return problems
}
