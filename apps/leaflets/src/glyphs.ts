// Refuses, before anything is drawn, text no leaflet font can show. The leaflet embeds Atkinson Hyperlegible Next
// (Latin, with Welsh and Polish) and Noto Naskh Arabic (Arabic script, for Urdu); each piece of text is set in the
// face its script needs (script.ts). A character neither has (Thai, Ethiopic, Chinese, a private-use character)
// would otherwise print as an empty box, which no reader can use: the error names the guide, the field and every
// such character by its U+ code, so an editor knows what to change.
import type { GuideView } from '@signpost/content'
import { anyFaceHas } from './script.js'

const FONT_NAMES = 'Atkinson Hyperlegible Next (Latin) and Noto Naskh Arabic (Arabic script)'

export class LeafletTextError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LeafletTextError'
  }
}

const known = new Map<number, boolean>()

/** Whether a leaflet font (both weights of one family) has a glyph for the code point (spaces and controls need none). */
export function fontHasCharacter(codePoint: number): boolean {
  let has = known.get(codePoint)
  if (has === undefined) {
    // White space and invisible format characters (zero-width space, soft hyphen, bidi marks: not drawn) need no
    // glyph; the joiners ZWNJ and ZWJ are drawn (in Arabic script), and the Arabic font has them.
    const ch = String.fromCodePoint(codePoint)
    has = (/[\s\p{Cf}]/u.test(ch) && codePoint !== 0x200c && codePoint !== 0x200d) || anyFaceHas(codePoint)
    known.set(codePoint, has)
  }
  return has
}

/** "U+0E01 (ก)": a character as an editor can look it up, shown where it is visible. */
function describe(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) && !/\p{Co}/u.test(ch) ? `${code} (${ch})` : code
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
  // The fixed words, from the language's phrase catalogue (translations are content too).
  const templates = view.phrases.templates as Record<string, string>
  for (const [key, text] of Object.entries(templates)) {
    if (key.startsWith('leaflet.') || key.startsWith('common.')) yield [`phrase ${key} (${view.language.code} catalogue)`, text]
  }
}

/** Throws a LeafletTextError naming the first field with characters no leaflet font has, and each such character. */
export function checkLeafletText(view: GuideView): void {
  for (const [field, text] of printedText(view)) {
    const chars = Array.from(text)
    const missing = [...new Set(chars.filter((ch) => !fontHasCharacter(ch.codePointAt(0)!)))]
    if (!missing.length) continue
    const sample = chars.findIndex((ch) => missing.includes(ch))
    const excerpt = chars
      .slice(Math.max(0, sample - 10), sample + 20)
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
    const shown = missing.slice(0, 8).map(describe).join(', ')
    throw new LeafletTextError(
      `Cannot print the leaflet for guide "${view.guide.slug}" (${view.guide.id}, ${view.language.name}), ${field}: no leaflet font has ` +
        `${missing.length === 1 ? 'the character' : 'the characters'} ${shown}${missing.length > 8 ? ', …' : ''} in "${excerpt}". ` +
        `The leaflet fonts are ${FONT_NAMES}; change the text or use the web page for it.`,
    )
  }
}
