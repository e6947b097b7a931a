// Leaflets in Urdu, Welsh and Polish, read back from the real PDFs with pdfjs: the text a screen reader gets equals
// the source text, character for character (Urdu through each reordered run's ActualText); no glyph is .notdef;
// /Lang on the document and on each span in another language; Urdu set right to left (right-aligned, mirrored);
// the same structure as the English leaflet; a character no font has is refused naming guide, field and U+ code.
// Both the embedded dataset's translations and test translations with harder mixed text (brackets, an address,
// a zero-width non-joiner, numbers inside Urdu sentences) go through it.
import { embeddedSource, loadContent, viewGuide, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { measure } from './fonts.js'
import { LeafletTextError } from './glyphs.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE } from './testing/dataset.js'
import { contentStreams, pageLines } from './testing/lines.js'
import { openPdf, plainText, rawFonts, textItems } from './testing/pdf.js'
import { outline, taggedElements, type TaggedElement } from './testing/tagged.js'
import { translatedDataset, type TranslatedLanguage } from './testing/translations.js'

type Case = { name: string; view: GuideView; bytes: Buffer; elements: TaggedElement[] }
const cases: Case[] = []
let english: Case

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

async function caseOf(name: string, view: GuideView): Promise<Case> {
  const bytes = await renderLeaflet(view)
  return { name, view, bytes, elements: await taggedElements(await openPdf(bytes)) }
}

beforeAll(async () => {
  const embedded = await loadContent()
  english = await caseOf('English (embedded dataset)', viewGuide(embedded, SEED_GUIDE, SEED_AREA))
  const fixture = await loadContent({ source: embeddedSource(await translatedDataset()) })
  for (const lang of ['ur', 'cy', 'pl'] as TranslatedLanguage[]) {
    if (embedded.guides.some((g) => g.slug === SEED_GUIDE && g.language === lang))
      cases.push(await caseOf(`${lang} (embedded dataset)`, viewGuide(embedded, SEED_GUIDE, SEED_AREA, lang)))
    cases.push(await caseOf(`${lang} (test translation)`, viewGuide(fixture, SEED_GUIDE, SEED_AREA, lang)))
  }
}, 60_000)

/** Every glyph id the content streams show (4 hex digits each, pdfkit's Identity-H encoding); 0000 is .notdef. */
function shownGlyphs(bytes: Buffer): string[] {
  const strings = contentStreams(bytes).flatMap((s) =>
    [...s.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].flatMap((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]!)),
  )
  return strings.flatMap((hex) => hex.match(/.{4}/g) ?? [])
}

/** The leaflet's elements in reading order (inline Spans and Links, and pages, aside), without the contents list. */
function blockRoles(c: Case): string {
  const heading = c.view.phrases.t('leaflet.inThisLeaflet')
  const out: string[] = []
  let skipping = false
  for (const e of c.elements) {
    if (e.role === 'Span' || e.role === 'Link' || e.role === 'Root' || e.role === 'Document' || e.role === 'P') continue
    if (e.role === 'H2') skipping = squash(e.text) === heading
    if (!skipping) out.push(e.role)
  }
  return out.join(' ')
}

/** Plain text of a Portable Text block. */
function blockText(block: unknown): string {
  return ((block as { children?: { text?: string }[] }).children ?? []).map((c) => c.text ?? '').join('')
}

describe.each(['ur', 'cy', 'pl'])('the %s leaflet', (lang) => {
  const mine = () => cases.filter((c) => c.view.language.code === lang)

  it('gives a screen reader (pdfjs: the structure tree, ActualText, the glyphs’ text) exactly the source text', () => {
    expect(mine().length).toBeGreaterThan(0)
    for (const { name, view, elements } of mine()) {
      const texts = (role: string) => elements.filter((e) => e.role === role).map((e) => squash(e.text))
      expect(texts('H1'), name).toEqual([view.guide.title])
      const paragraphs = squash(
        elements
          .filter((e) => e.role === 'P')
          .map((e) => e.text)
          .join(' '),
      )
      const listBodies = squash(
        elements
          .filter((e) => e.role === 'LBody')
          .map((e) => e.text)
          .join(' '),
      )
      expect(paragraphs, name).toContain(view.guide.summary)
      for (const section of view.guide.sections) {
        expect(texts('H2'), name).toContain(squash(section.heading))
        for (const b of section.body) {
          const text = squash(blockText(b))
          if (!text) continue
          if ((b as { listItem?: string }).listItem) expect(listBodies, name).toContain(text)
          else expect(paragraphs, name).toContain(text)
        }
      }
      for (const step of view.steps) expect(listBodies, name).toContain(squash(step.text))
      if (view.guide.organisationsIntro) expect(paragraphs, name).toContain(squash(view.guide.organisationsIntro))
      for (const org of view.organisations) expect(paragraphs, name).toContain(squash(org.description))
      expect(texts('H2'), name).toContain(view.phrases.t('leaflet.howToGetHelp'))
    }
  })

  it('draws no glyph as .notdef (glyph 0) in any font, and embeds only the fonts its scripts need', () => {
    for (const { name, bytes } of mine()) {
      const glyphIds = shownGlyphs(bytes)
      expect(glyphIds.length, name).toBeGreaterThan(1000)
      expect(
        glyphIds.filter((g) => g === '0000'),
        name,
      ).toEqual([])
      const fonts = rawFonts(bytes).baseFonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''))
      expect(
        fonts.some((f) => f.startsWith('NotoNaskhArabic')),
        name,
      ).toBe(lang === 'ur')
      expect(
        fonts.some((f) => f.startsWith('AtkinsonHyperlegibleNext')),
        name,
      ).toBe(true)
    }
  })

  it('has /Lang for the document and for each span in another language (the English organisation names)', () => {
    for (const { name, view, bytes, elements } of mine()) {
      expect(bytes.toString('latin1'), name).toContain(`/Lang (${view.language.tag})`)
      const english = elements.filter((e) => e.role === 'Span' && e.lang === 'en-GB').map((e) => squash(e.text))
      expect(english, name).toContain('Action Fraud')
      expect(english.join(' '), name).toContain('Derbyshire Victim Services')
      // Nothing in the leaflet's own language is tagged as another.
      for (const e of elements.filter((e) => e.lang && e.lang !== 'en-GB')) expect(e.lang, name).toBe(view.language.tag)
    }
  })

  it('has the same structure as the English leaflet: the same kinds of element, the same bookmarks in its words', async () => {
    const kinds = (c: Case) => new Set(c.elements.map((e) => e.role).filter((r) => r !== 'Span'))
    for (const c of mine()) {
      expect(kinds(c), c.name).toEqual(kinds(english))
      const titles = (await outline(await openPdf(c.bytes))).map((o) => o.title)
      expect(titles, c.name).toEqual([
        c.view.phrases.t('common.whatToDoNow'),
        c.view.phrases.t('common.freeSupportIn', { area: c.view.area.name }),
        ...c.view.guide.sections.map((s) => s.heading),
        c.view.phrases.t('leaflet.whatYouCanDo'),
        c.view.phrases.t('common.whoCanHelp'),
        c.view.phrases.t('leaflet.howToGetHelp'),
      ])
      if (c.name.includes('embedded')) {
        // The dataset's translation has the English guide's shape, so its leaflet has the English element tree
        // (less the list of what is inside, which the cover shows only where it has room for it).
        expect(blockRoles(c), c.name).toEqual(blockRoles(english))
      }
    }
  })
})

describe('right to left (Urdu)', () => {
  const urdu = () => cases.filter((c) => c.view.language.code === 'ur')

  it('sets lines against the right margin, labels on the right, the page number at the left', async () => {
    for (const { name, view, bytes } of urdu()) {
      const items = await textItems(await openPdf(bytes))
      const right = 595.28 - 56
      const title = items.filter((i) => i.page === 1 && Math.abs(i.size - 26) < 0.1)
      expect(title.length, name).toBeGreaterThan(0)
      // The title's left end is where its width from the right margin puts it (pdfjs's own widths of Arabic runs
      // with positioned marks are estimates, so the width is the leaflet font's).
      const width = measure(view.language.tag).width(view.guide.title, 'bold', 26)
      expect(Math.min(...title.map((i) => i.x)), name).toBeCloseTo(right - width, 0)
      expect(right - width, name).toBeGreaterThan(56 + 20)
      // The footer: the page number at the left margin.
      const footer = items.filter((i) => i.page === 1 && i.y < 70)
      expect(footer.length, name).toBeGreaterThan(0)
      expect(Math.min(...footer.map((i) => i.x)), name).toBeCloseTo(56, 0)
      expect(view.language.dir).toBe('rtl')
      // Every bullet sits to the right of its text.
      const bullets = items.filter((i) => i.str.trim() === '•')
      for (const b of bullets) {
        const line = items.filter((i) => i.page === b.page && Math.abs(i.y - b.y) < 1.5 && i !== b)
        expect(Math.max(...line.map((i) => i.x + i.width)), name).toBeLessThan(b.x)
      }
    }
  })

  it('numbers lists as Urdu readers see them (".1" at the right margin) and keeps an organisation’s name on one line', async () => {
    for (const { name, bytes } of urdu()) {
      const lines = pageLines(await textItems(await openPdf(bytes)))
      const numbered = lines.filter((l) => /[.]\s?[123]$/.test(l.text))
      expect(numbered.length, name).toBeGreaterThanOrEqual(3)
      expect(
        lines.filter((l) => /^[123][.]/.test(l.text)),
        name,
      ).toEqual([])
      // The step "… Action Fraud: 0300 123 2040": the name before the number is one piece (running text may break).
      const named = lines.filter((x) => x.text.includes(':') && x.text.includes('0300 123 2040') && x.text.includes('Fraud'))
      expect(named.length, name).toBeGreaterThan(0)
      for (const l of named) expect(l.text, name).toMatch(/Action Fraud/)
    }
  })

  it('reads an Urdu sentence with an English name and a phone number in the right order', () => {
    const c = cases.find((x) => x.name === 'ur (test translation)')!
    const sentence = 'اگر آپ کے ساتھ دھوکہ ہوا ہے اور آپ کو فوری خطرہ نہیں ہے تو Action Fraud سے 0300 123 2040 پر رابطہ کریں۔'
    const paragraphs = squash(
      c.elements
        .filter((e) => e.role === 'P')
        .map((e) => e.text)
        .join(' '),
    )
    expect(paragraphs).toContain(sentence)
    // The number is one link, read and described whole.
    const links = c.elements.filter((e) => e.role === 'Link').map((e) => squash(e.text))
    expect(links).toContain('0300 123 2040')
  })

  it('keeps the joiner (ZWNJ) that Urdu spelling needs, and the brackets, in the text a reader gets', () => {
    const c = cases.find((x) => x.name === 'ur (test translation)')!
    const all = c.elements.map((e) => e.text).join(' ')
    expect(all).toContain('ٹیلی\u200cفون')
    expect(squash(all)).toContain('(ہیکنگ)')
  })
})

describe('hostile text', () => {
  // The content door refuses direction overrides; the leaflet does not rely on it: these views are edited in memory.
  const edited = (c: Case, edit: (json: string) => string, phrase: string): GuideView => {
    const json = JSON.parse(edit(JSON.stringify(c.view))) as GuideView
    ;(json.phrases.templates as Record<string, string>)['leaflet.pageXOfY'] = phrase
    return json
  }

  it('cannot reverse a phone number on paper with a right-to-left override or embedding pasted before it', async () => {
    const c = cases.find((x) => x.name === 'ur (test translation)')!
    for (const control of ['\u202E', '\u202B', '\u2067']) {
      const view = edited(c, (j) => j.replaceAll('0300 123 2040', `${control}0300 123 2040`), `${control}صفحہ {page} از {pages}`)
      expect(JSON.stringify(view.guide.sections)).toContain(control)
      const items = (await textItems(await openPdf(await renderLeaflet(view)))).map((i) => i.str)
      // Digits are drawn left to right, so pdfjs reads them in drawing order: never 2040 123 0300 or 0402 321 0030.
      expect(items.filter((s) => s.includes('0300 123 2040')).length).toBeGreaterThan(2)
      expect(items.join(' ')).not.toMatch(/0402|321 0030|2040 123 0300/)
      // The control in the footer phrase is dropped, not drawn as a glyph of its own.
      expect(items.join(' ')).not.toContain(control)
    }
  })

  it('keeps the words of a left-to-right phrase in order, with no .notdef box, when a bidi control is pasted into it', async () => {
    const c = cases.find((x) => x.name === 'cy (test translation)')!
    const bytes = await renderLeaflet(edited(c, (j) => j, 'Tudalen\u202E {page} o\u2066 {pages}'))
    expect(shownGlyphs(bytes).filter((g) => g === '0000')).toEqual([])
    expect(plainText(await textItems(await openPdf(bytes)))).toContain('Tudalen 1 o')
  })
})

describe('Welsh and Polish', () => {
  it('extract (pdfjs text content) equal to the source, their letters intact', async () => {
    for (const { name, view, bytes } of cases.filter((c) => c.view.language.dir === 'ltr')) {
      const text = plainText(await textItems(await openPdf(bytes)))
      expect(text, name).toContain(view.guide.title)
      expect(text, name).toContain(view.guide.summary)
      for (const step of view.steps) expect(squash(text), name).toContain(squash(step.text).split(' ').slice(0, 6).join(' '))
    }
    const welsh = plainText(await textItems(await openPdf(cases.find((c) => c.name === 'cy (test translation)')!.bytes)))
    expect(welsh).toContain('o’ch tŷ; bydd y gŵr')
    const polish = plainText(await textItems(await openPdf(cases.find((c) => c.name === 'pl (test translation)')!.bytes)))
    expect(polish).toContain('zadzwoń do Action Fraud')
    expect(polish).toContain('źle')
  })
})

describe('a character no leaflet font has', () => {
  it('is refused before anything is drawn, naming the guide, the field and each character by its U+ code', async () => {
    const ethiopic = await loadContent({
      source: embeddedSource(await translatedDataset(['ur'], { edit: (_, t) => ({ ...t, steps: [t.steps[0], `${t.steps[1]} ሰላም`, t.steps[2]] }) })),
    })
    const error = await renderLeaflet(viewGuide(ethiopic, SEED_GUIDE, SEED_AREA, 'ur')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LeafletTextError)
    expect((error as Error).message).toMatch(
      /guide "cyber-crime-and-fraud" \(guide\.cyber-crime-and-fraud\.ur, Urdu\), steps\[1\]\.text: no leaflet font has the characters U\+1230 \(ሰ\), U\+120B \(ላ\), U\+121D \(ም\)/,
    )

    const privateUse = await loadContent({
      source: embeddedSource(await translatedDataset(['ur'], { edit: (_, t) => ({ ...t, title: `${t.title} \u{10FFFD}` }) })),
    })
    const error2 = await renderLeaflet(viewGuide(privateUse, SEED_GUIDE, SEED_AREA, 'ur')).catch((e: unknown) => e)
    expect((error2 as Error).message).toMatch(/, title: no leaflet font has the character U\+10FFFD in "/)
  })
})

describe('a view that went through JSON (Next page props, a queued message)', () => {
  it('renders the same leaflet, its phrases rebuilt from their templates', async () => {
    const c = cases.find((x) => x.name === 'ur (test translation)')!
    const json = JSON.parse(JSON.stringify(c.view)) as GuideView
    expect(typeof (json.phrases as { t?: unknown }).t).toBe('undefined')
    expect((await renderLeaflet(json)).equals(c.bytes)).toBe(true)
  })
})
