// Where lines and pages break, read back from the PDF: a phone number, short code or web address never runs
// across a line (addresses wider than a line break only after / . or -, with no hyphen added); no heading is
// left at the foot of a page; no paragraph leaves a single line alone at the foot or top of a page; large print
// stays at 16 pt or more; hostile content (a 300-letter word, Urdu inside English, Thai) is laid out or refused plainly.
import { embeddedSource, loadContent, viewGuide, type GuideView } from '@signpost/content'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEAFLET_FORMATS } from './format.js'
import { renderLeaflet, type RenderLeafletOptions } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE, writeDataset } from './testing/dataset.js'
import { pageLines, splitTokens } from './testing/lines.js'
import { openPdf, plainText, textItems } from './testing/pdf.js'
import { elementLines, linkAnnotations } from './testing/tagged.js'

const LONG_ADDRESS = 'https://www.actionfraud.police.uk/reporting-fraud-and-cyber-crime/what-happens-next/after-you-have-reported-it'
const LONG_WORD = 'Supercalifragilistic'.repeat(15)
const URDU = 'اگر آپ کو فوری خطرہ ہے تو 999 پر کال کریں'

/** A paragraph that puts numbers, short codes and addresses at every position along a line. */
function crowdedText(): string {
  const fillers = ['', 'Please ', 'If you can, ', 'When it is safe to do so, ', 'Any day of the week ', 'So ', 'At any time you may ']
  return fillers
    .flatMap((f, i) => [
      `${f}call Action Fraud on 0300 123 2040 or text DVS to 82228.`,
      `${'Help is there. '.repeat(i % 3)}${f}Derbyshire Victim Services on 0800 612 6505 can help, or visit www.derbyshirevictimservices.org for more.`,
      `${f}${'Read more at '.repeat(1 + (i % 2))}www.actionfraud.police.uk today.`,
    ])
    .join(' ')
}

let view: GuideView
let crowded: GuideView
let long: GuideView
let hostile: GuideView
let urdu: GuideView
let thai: GuideView

beforeAll(async () => {
  view = viewGuide(await loadContent(), SEED_GUIDE, SEED_AREA)
  const file = await writeDataset([
    { slug: 'crowded-guide', title: 'Numbers everywhere', text: crowdedText() },
    { slug: 'long-guide', title: 'A very long guide', repeat: 6 },
    {
      slug: 'hostile-guide',
      title: 'Hostile content',
      text: `A word too long for any line: ${LONG_WORD} and an address too long for one: ${LONG_ADDRESS} in the text. Pasted\u200b from a web page with soft\u00adhyphens <script>alert(1)</script>.`,
    },
    { slug: 'urdu-guide', title: 'Urdu text', text: URDU },
    { slug: 'thai-guide', title: 'Thai text', text: 'A Thai greeting, สวัสดี, has no leaflet font.' },
  ])
  const content = await loadContent({ source: embeddedSource(file) })
  crowded = viewGuide(content, 'crowded-guide', SEED_AREA)
  long = viewGuide(content, 'long-guide', SEED_AREA)
  hostile = viewGuide(content, 'hostile-guide', SEED_AREA)
  urdu = viewGuide(content, 'urdu-guide', SEED_AREA)
  thai = viewGuide(content, 'thai-guide', SEED_AREA)
})

it('links the numbers and short codes written in running text (tel: and sms:), each with a description', async () => {
  const links = await linkAnnotations(await openPdf(await renderLeaflet(crowded)))
  const calls = links.filter((l) => l.url === 'tel:+443001232040')
  const texts = links.filter((l) => l.url?.startsWith('sms:82228'))
  expect(calls.length).toBeGreaterThanOrEqual(7)
  expect(texts.length).toBeGreaterThanOrEqual(7)
  for (const l of [...calls, ...texts]) expect(l.contents).toMatch(/^(Call 0300 123 2040|Text DVS to 82228)$/)
})

const layouts: [string, RenderLeafletOptions][] = LEAFLET_FORMATS.flatMap((format) => [
  [`${format} A4`, { format }] as [string, RenderLeafletOptions],
  [`${format} A5`, { format, pageSize: 'A5' }] as [string, RenderLeafletOptions],
])

/** Every number and address a reader must copy whole, from the guide's organisations. */
function unbreakable(v: GuideView): string[] {
  const tokens = new Set<string>([
    '0300 123 2040',
    '0800 612 6505',
    'Text DVS to 82228',
    'text DVS to 82228',
    'www.derbyshirevictimservices.org',
    'www.actionfraud.police.uk',
  ])
  for (const org of v.organisations) {
    for (const cp of org.contactPoints) {
      if (cp.kind === 'phone') tokens.add(cp.display)
      if (cp.kind === 'sms') tokens.add(cp.instruction)
      if (cp.kind === 'website') tokens.add(cp.display)
      if (cp.kind === 'email') tokens.add(cp.address)
    }
  }
  return [...tokens]
}

describe('numbers and addresses', () => {
  it.each(layouts)('are never split across lines (%s)', async (_name, options) => {
    for (const v of [view, crowded]) {
      const items = await textItems(await openPdf(await renderLeaflet(v, options)))
      const lines = pageLines(items)
      expect(splitTokens(lines, unbreakable(v))).toEqual([])
      // The crowded paragraph really does put them everywhere: each number appears whole many times.
      if (v === crowded) expect(lines.filter((l) => l.text.includes('0300 123 2040')).length).toBeGreaterThanOrEqual(7)
    }
  })

  it.each(layouts)('an address wider than the line breaks only after / . or -, with no hyphen added (%s)', async (_name, options) => {
    const pdf = await openPdf(await renderLeaflet(hostile, options))
    const items = await textItems(pdf)
    // The running footer is not part of the text flow (an address may continue on the next page).
    const lines = pageLines(items).filter((l) => !/^Checked \d.* Page \d+ of \d+$/.test(l.text))
    const start = lines.findIndex((l) => l.text.includes('https://www.'))
    expect(start).toBeGreaterThanOrEqual(0)
    let joined = ''
    let i = start
    const host = LONG_ADDRESS
    joined = lines[i]!.text.slice(lines[i]!.text.indexOf('https://'))
    while (!joined.includes(host) && i + 1 < lines.length) {
      expect(joined, `line ends "${joined.slice(-12)}"`).toMatch(/[/.-]$/)
      joined += lines[++i]!.text
    }
    expect(joined).toContain(host)
    // The 300-letter word is all there, cut only because it cannot fit, and nothing crosses the right margin.
    const body = items.filter((i) => !/^(Checked \d|Page \d+ of \d+$)/.test(i.str))
    expect(plainText(body).replace(/\s+/g, '')).toContain(LONG_WORD)
    for (let p = 1; p <= pdf.numPages; p++) {
      const [, , right] = (await pdf.getPage(p)).view as [number, number, number, number]
      for (const item of items.filter((t) => t.page === p)) expect(item.x + item.width, item.str).toBeLessThanOrEqual(right - 20)
    }
  })
})

describe('page breaks', () => {
  it.each(layouts)('leave no heading alone at the foot of a page and no single line of a paragraph at a page edge (%s)', async (_name, options) => {
    for (const v of [view, long]) {
      const bytes = await renderLeaflet(v, options)
      const pdf = await openPdf(bytes)
      const elements = (await elementLines(bytes, pdf)).filter((e) => e.lines.length)
      let checkedBreaks = 0
      elements.forEach((e, i) => {
        if (/^H\d$/.test(e.role)) {
          const next = elements.slice(i + 1).find((n) => !/^(Link|Lbl|LI|L)$/.test(n.role) && n.lines.length)
          if (next) expect(next.lines[0]!.page, `"${e.role}" heading on page ${e.lines[0]!.page} is followed on the same page`).toBe(e.lines.at(-1)!.page)
        }
        if (e.role === 'Lbl') {
          const body = elements.slice(i + 1).find((n) => n.role === 'LBody')
          if (body) expect(body.lines[0]!.page, `list label on page ${e.lines[0]!.page} is beside its text`).toBe(e.lines[0]!.page)
        }
        if (e.role === 'P' || e.role === 'LBody') {
          const pages = [...new Set(e.lines.map((l) => l.page))]
          if (pages.length > 1) {
            checkedBreaks++
            const first = e.lines.filter((l) => l.page === pages[0]).length
            const last = e.lines.filter((l) => l.page === pages.at(-1)).length
            expect(first, `lines of a paragraph at the foot of page ${pages[0]}`).toBeGreaterThanOrEqual(2)
            expect(last, `lines of a paragraph at the top of page ${pages.at(-1)}`).toBeGreaterThanOrEqual(2)
          }
        }
      })
      if (v === long) expect(checkedBreaks, 'some paragraphs do break across pages').toBeGreaterThan(0)
    }
  })
})

describe('large print', () => {
  it('keeps every text at 16 pt or more, on A4 and A5, hostile content included', async () => {
    for (const v of [view, crowded, hostile]) {
      for (const pageSize of ['A4', 'A5'] as const) {
        const items = await textItems(await openPdf(await renderLeaflet(v, { format: 'large-print', pageSize })))
        const small = items.filter((i) => i.size < 15.99)
        expect(small.map((i) => `${i.str} (${i.size.toFixed(1)} pt)`)).toEqual([])
      }
    }
  })
})

describe('text the font cannot show', () => {
  it('leaves out invisible format characters (zero-width space, soft hyphen) and prints markup as the words it is', async () => {
    const items = await textItems(await openPdf(await renderLeaflet(hostile)))
    const text = plainText(items)
    expect(text).toContain('Pasted from a web page with softhyphens <script>alert(1)</script>.')
    expect(text).not.toMatch(/[\u200b\u00ad]/)
  })

  it('is refused with a message naming the guide, the field and each character, never printed as empty boxes', async () => {
    const error = await renderLeaflet(thai).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error?.message).toMatch(/guide "thai-guide".*sections\[0\]\.body: no leaflet font has the characters U\+0E2A \(ส\), U\+0E27 \(ว\)/)
    expect(error?.message).toContain('Atkinson Hyperlegible Next')
  })

  it('prints an Urdu sentence inside an English leaflet in the Arabic-script font instead of refusing it', async () => {
    const bytes = await renderLeaflet(urdu)
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular/)
  })
})
