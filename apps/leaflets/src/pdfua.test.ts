// PDF/UA details read back from the file: every link annotation has a description (/Contents, Matterhorn 28-012);
// the tagged text a screen reader reads has its words apart at line ends and at bold/regular boundaries; the
// sections are bookmarks; decoration is a Layout artifact and only the footer is Pagination.
import { loadContent, viewGuide, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEAFLET_FORMATS } from './format.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE } from './testing/dataset.js'
import { contentStreams } from './testing/lines.js'
import { findRole, openPdf, structTrees } from './testing/pdf.js'
import { joinedWords, linkAnnotations, outline, taggedElements } from './testing/tagged.js'

let view: GuideView
const files = new Map<string, Buffer>()

beforeAll(async () => {
  view = viewGuide(await loadContent(), SEED_GUIDE, SEED_AREA)
  for (const format of LEAFLET_FORMATS) files.set(format, await renderLeaflet(view, { format }))
})

/** Plain text of a Portable Text block (its spans joined). */
function blockText(block: unknown): string {
  const children = (block as { children?: { text?: string }[] }).children ?? []
  return children.map((c) => c.text ?? '').join('')
}

describe.each(LEAFLET_FORMATS)('%s leaflet', (format) => {
  it('gives every link annotation a description saying what it does', async () => {
    const links = await linkAnnotations(await openPdf(files.get(format)!))
    expect(links.length).toBeGreaterThan(10)
    for (const link of links) expect(link.contents?.trim(), `link to ${link.url}`).toBeTruthy()
    const descriptions = links.map((l) => l.contents)
    expect(descriptions).toContain('Call 0300 123 2040')
    expect(descriptions).toContain('Call 0800 612 6505')
    expect(descriptions).toContain('Text DVS to 82228')
    expect(descriptions).toContain('Open the web page www.actionfraud.police.uk')
    // Each annotation belongs to a Link element of the structure tree (an object reference under it).
    const trees = await structTrees(await openPdf(files.get(format)!))
    const annotationsUnderLinks = findRole(trees, 'Link').flatMap((l) => (l.children ?? []).filter((c) => c.type === 'annotation' || c.type === 'object'))
    expect(annotationsUnderLinks.length).toBe(links.length)
    // Numbers in running text are links too (the content door marks them), with the same description.
    expect(links.filter((l) => l.url === 'tel:+443001232040').length).toBeGreaterThanOrEqual(3)
  })

  it('has tagged text with a space wherever words meet (line ends, bold and regular, label and number)', async () => {
    const elements = await taggedElements(await openPdf(files.get(format)!))
    // The source's words, and the leaflet's own ("page 2" in the list of what is inside).
    const source = `${JSON.stringify(view).replace(/\\n/g, ' ').split('"').join(' ')} page`
    expect(joinedWords(elements, source)).toEqual([])
    const texts = elements.map((e) => e.text.replace(/\s+/g, ' ').trim())
    // Whole paragraphs read exactly as written (a paragraph continued on the next page is two elements there).
    const paragraphs = elements
      .filter((e) => e.role === 'P')
      .map((e) => e.text)
      .join('')
    expect(texts).toContain(view.guide.summary)
    for (const section of view.guide.sections) {
      for (const block of section.body.filter(
        (b) => b._type === 'block' && !(b as { listItem?: string }).listItem && !/^h\d/.test(String((b as { style?: string }).style)),
      )) {
        expect(paragraphs).toContain(blockText(block))
      }
    }
    expect(texts).toContain('Derbyshire Victim Services 0800 612 6505 · Text DVS to 82228')
    expect(texts).toContain('Action Fraud 0300 123 2040')
  })

  it('has a bookmark for every section, in order', async () => {
    const entries = (await outline(await openPdf(files.get(format)!))).map((e) => e.title)
    expect(entries).toEqual([
      'What to do now',
      'Free support in Derbyshire',
      ...view.guide.sections.map((s) => s.heading),
      'What you can do',
      'Who can help',
      'How to get help',
    ])
    expect(files.get(format)!.toString('latin1')).toMatch(/\/PageMode \/UseOutlines/)
  })

  it('marks decoration (the accent band, bars, the 999 box) as Layout artifacts and only the footers as Pagination', () => {
    const streams = contentStreams(files.get(format)!)
    expect(streams.length).toBeGreaterThan(1)
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(view.settings.identity.accentColour.slice(i, i + 2), 16) / 255)
    const accentFill = new RegExp(`${String(r).slice(0, 5)}\\d* ${String(g).slice(0, 5)}\\d* ${String(b).slice(0, 5)}\\d* scn\\s+f`)
    const artifacts = (type: string) =>
      streams.flatMap((s) => [...s.matchAll(new RegExp(`/Artifact <<\\s*/Type /${type}\\s*>> BDC([\\s\\S]*?)EMC`, 'g'))].map((m) => m[1]!))
    const layout = artifacts('Layout')
    expect(
      layout.some((a) => / re\s/.test(a) && accentFill.test(a)),
      'the accent band in a Layout artifact',
    ).toBe(true)
    const pagination = artifacts('Pagination')
    expect(pagination.length).toBe(streams.length)
    for (const a of pagination) expect(accentFill.test(a), 'no accent decoration among the footers').toBe(false)
  })
})
