// Refuses, before anything is drawn, text the leaflet's font cannot show. Atkinson Hyperlegible Next covers Latin
// scripts only: Urdu, Arabic, Bengali or Chinese would otherwise print as empty boxes (or nothing), which no
// reader can use. The error names the guide, the field and the script, so an editor knows what happened.
import type { GuideView } from '@signpost/content'
import { brandFonts, FONT_KEYS } from './fonts.js'

const FONT_NAME = 'Atkinson Hyperlegible Next'
const SCRIPTS = [
  'Arabic',
  'Hebrew',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Ethiopic',
  'Armenian',
  'Georgian',
  'Cyrillic',
  'Greek',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Khmer',
  'Myanmar',
  'Tibetan',
]
const scriptPatterns = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }))

export class LeafletTextError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LeafletTextError'
  }
}

const known = new Map<number, boolean>()

/** Whether both the regular and the bold font have a glyph for the code point (spaces and controls need none). */
export function fontHasCharacter(codePoint: number): boolean {
  let has = known.get(codePoint)
  if (has === undefined) {
    const fonts = brandFonts()
    // White space and invisible format characters (zero-width space, soft hyphen: not drawn) need no glyph.
    has = /[\s\p{Cf}]/u.test(String.fromCodePoint(codePoint)) || FONT_KEYS.every((k) => fonts[k].hasGlyphForCodePoint(codePoint))
    known.set(codePoint, has)
  }
  return has
}

function scriptOf(ch: string): string | undefined {
  return scriptPatterns.find((s) => s.pattern.test(ch))?.name
}

/** Every string the leaflet prints, with the field it comes from. */
function* printedText(view: GuideView): Generator<[string, string]> {
  const { guide, settings } = view
  yield ['title', guide.title]
  yield ['summary', guide.summary]
  for (const [i, s] of guide.sections.entries()) {
    yield [`sections[${i}].heading`, s.heading]
    const spans: string[] = []
    const hrefs: string[] = []
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>
        if (o._type === 'span' && typeof o.text === 'string') spans.push(o.text)
        if (typeof o.href === 'string') hrefs.push(o.href)
        for (const [k, child] of Object.entries(o)) if (k !== 'text' && k !== 'href') walk(child)
      }
    }
    walk(s.body)
    yield [`sections[${i}].body`, spans.join(' ')]
    // Link addresses are written out on paper after their text.
    yield [`sections[${i}].body (link addresses)`, hrefs.join(' ')]
  }
  for (const [i, s] of guide.steps.entries()) yield [`steps[${i}].text`, s.text]
  if (guide.organisationsIntro) yield ['organisationsIntro', guide.organisationsIntro]
  for (const org of view.organisations) {
    const where = `organisation ${org.slug}`
    yield [`${where} name`, org.name]
    yield [`${where} description`, org.description]
    for (const [i, cp] of org.contactPoints.entries())
      yield [
        `${where} contactPoints[${i}]`,
        Object.values(cp)
          .filter((v) => typeof v === 'string')
          .join(' '),
      ]
  }
  yield ['site settings identity.name', settings.identity.name]
  if (settings.identity.funderLine) yield ['site settings identity.funderLine', settings.identity.funderLine]
  if (settings.identity.logo) yield ['site settings identity.logo.alt', settings.identity.logo.alt]
  yield ['site settings emergencyNotice', settings.emergencyNotice]
  yield ['area name', view.area.name]
}

/** Throws a LeafletTextError naming the first field with characters the font lacks. */
export function checkLeafletText(view: GuideView): void {
  for (const [field, text] of printedText(view)) {
    const missing = [...new Set(Array.from(text).filter((ch) => !fontHasCharacter(ch.codePointAt(0)!)))]
    if (!missing.length) continue
    const script = missing.map(scriptOf).find(Boolean)
    const sample = Array.from(text).findIndex((ch) => missing.includes(ch))
    const excerpt = Array.from(text)
      .slice(Math.max(0, sample - 10), sample + 20)
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
    const shown = missing
      .slice(0, 8)
      .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
      .join(', ')
    throw new LeafletTextError(
      `Cannot print the leaflet for guide "${view.guide.slug}" (${view.guide.id}), ${field}: the leaflet font (${FONT_NAME}) has no letters for ${script ? `${script} script` : 'some characters'} (${shown}${missing.length > 8 ? ', …' : ''}) in "${excerpt}". ` +
        `Leaflets can only be printed in Latin-script languages for now; readers can use the web page for this text.`,
    )
  }
}
