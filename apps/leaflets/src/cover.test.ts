// The leaflet as a reader meets it, read back from the PDF: the cover carries the service's identity (logo, name,
// funder line, a band of its accent colour), the title, the 999 notice and the numbers, labelled, in large type;
// colour as well as size marks the hierarchy; the back page closes with how to get help and the QR code.
import { loadContent, viewGuide, type GuideView } from '@signpost/content'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { collect, createDocument } from './document.js'
import { drawLeaflet } from './draw.js'
import { layoutLeaflet } from './layout/leaflet.js'
import { renderLeaflet } from './renderLeaflet.js'
import { SEED_AREA, SEED_GUIDE } from './testing/dataset.js'
import { pageLines } from './testing/lines.js'
import { findRole, openPdf, pageTexts, structTrees, textItems, type TextItem } from './testing/pdf.js'
import { testPng } from './testing/png.js'

let view: GuideView
let standard: Buffer
let largePrint: Buffer

beforeAll(async () => {
  view = viewGuide(await loadContent(), SEED_GUIDE, SEED_AREA)
  standard = await renderLeaflet(view)
  largePrint = await renderLeaflet(view, { format: 'large-print' })
})

/** A view whose identity is the given one (the rest as the seed). */
function withIdentity(identity: GuideView['settings']['identity']): GuideView {
  return { ...view, settings: { ...view.settings, identity } }
}

/** The fill colour each text item was drawn in, page by page, from the operator list. */
async function textColours(bytes: Buffer, pageNumber: number): Promise<{ text: string; colour: string }[]> {
  const pdf = await openPdf(bytes)
  const ops = await (await pdf.getPage(pageNumber)).getOperatorList()
  const out: { text: string; colour: string }[] = []
  let colour = '#000000'
  for (let i = 0; i < ops.fnArray.length; i++) {
    const args = ops.argsArray[i] as unknown[]
    if (ops.fnArray[i] === OPS.setFillRGBColor) colour = String(args[0])
    if (ops.fnArray[i] === OPS.showText)
      out.push({ text: (args[0] as ({ unicode?: string } | number)[]).map((g) => (typeof g === 'number' ? '' : (g.unicode ?? ''))).join(''), colour })
  }
  return out
}

describe('the cover', () => {
  it('shows the service name and funder line, not the software name, with the logo as a Figure with its alt text', async () => {
    const pdf = await openPdf(standard)
    const [front] = await pageTexts(pdf)
    const { identity } = view.settings
    expect(identity.name).toBe('Derbyshire Victim Services')
    expect(front!.startsWith(identity.name)).toBe(true)
    expect(front).toContain(identity.funderLine)
    for (const text of await pageTexts(pdf)) expect(text).not.toMatch(/Signpost/)
    const figures = findRole(await structTrees(pdf), 'Figure')
    expect(identity.logo?.alt).toBeTruthy()
    expect(figures[0]?.alt).toBe(identity.logo?.alt)
    // The logo really is an image on page 1.
    const ops = await (await pdf.getPage(1)).getOperatorList()
    expect(ops.fnArray).toContain(OPS.paintImageXObject)
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> }
    expect(info.Author).toBe(identity.name)
  })

  it('with no logo (or an SVG one pdfkit cannot draw) shows the name alone, and draws a given PNG', async () => {
    for (const identity of [
      { name: 'Test Victim Care', accentColour: '#1d4e89' },
      {
        name: 'Test Victim Care',
        accentColour: '#1d4e89',
        logo: { url: 'file:///nowhere/logo.svg', alt: 'Test Victim Care logo', mimeType: 'image/svg+xml' as const, width: 10, height: 10 },
      },
    ]) {
      const pdf = await openPdf(await renderLeaflet(withIdentity(identity)))
      expect((await pageTexts(pdf))[0]!.startsWith('Test Victim Care')).toBe(true)
      expect(findRole(await structTrees(pdf), 'Figure').map((f) => f.alt)).toEqual([`QR code linking to ${view.guide.url}`])
    }
    const png = testPng(40, 20, [0x1d, 0x4e, 0x89])
    const pdf = await openPdf(
      await renderLeaflet(
        withIdentity({
          name: 'Test Victim Care',
          accentColour: '#1d4e89',
          logo: { url: 'file:///given', alt: 'Test Victim Care', mimeType: 'image/png', width: 40, height: 20 },
        }),
        { logo: png },
      ),
    )
    expect(findRole(await structTrees(pdf), 'Figure')[0]?.alt).toBe('Test Victim Care')
  })

  it('refuses a logo that is not a PNG with a message naming the field', async () => {
    const identity = {
      name: 'Test Victim Care',
      accentColour: '#1d4e89',
      logo: { url: 'file:///given.png', alt: 'Logo', mimeType: 'image/png' as const, width: 4, height: 4 },
    }
    await expect(renderLeaflet(withIdentity(identity), { logo: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') })).rejects.toThrow(
      /identity\.logo.*not a PNG/,
    )
  })

  it('labels each number in large type on page 1: "Action Fraud 0300 123 2040", "Derbyshire Victim Services 0800 612 6505 · Text DVS to 82228"', async () => {
    const a5 = await renderLeaflet(view, { pageSize: 'A5' })
    for (const [format, bytes, min] of [
      ['standard', standard, 20],
      ['large-print', largePrint, 26],
      ['standard A5', a5, 20],
    ] as const) {
      const items = (await textItems(await openPdf(bytes))).filter((i) => i.page === 1)
      const lines = pageLines(items)
      const at = (s: string) => lines.findIndex((l) => l.text.includes(s))
      const labelled: [string, string][] = [
        ['Action Fraud', '0300 123 2040'],
        ['Derbyshire Victim Services', '0800 612 6505 · Text DVS to 82228'],
      ]
      for (const [label, numbers] of labelled) {
        const n = at(numbers)
        expect(n, `${numbers} on page 1 (${format})`).toBeGreaterThan(0)
        // The label is the line straight above the number.
        expect(lines[n - 1]!.text, format).toBe(label)
        const number = lines[n]!.items.find((i: TextItem) => i.str.includes(numbers.slice(0, 4)))!
        expect(number.size, `${numbers} size (${format})`).toBeGreaterThanOrEqual(min)
      }
    }
  })

  it('puts the 999 notice on the front, white on the emergency red, and a band of the accent colour behind the name', async () => {
    const coloured = await textColours(standard, 1)
    const notice = coloured.find((t) => t.text.includes('call 999'))
    expect(notice).toEqual({ text: view.settings.emergencyNotice, colour: '#ffffff' })
    expect(coloured.find((t) => t.text.includes(view.settings.identity.name))?.colour).toBe('#ffffff')
    const pdf = await openPdf(standard)
    const { data, width } = await renderPixels(pdf)
    // Above the name, at the page's left edge: the accent band, bleeding off the page.
    const px = (x: number, y: number) => `#${[0, 1, 2].map((c) => data[(y * width + x) * 4 + c]!.toString(16).padStart(2, '0')).join('')}`
    expect(px(2, 2)).toBe(view.settings.identity.accentColour)
  })

  it('marks the hierarchy by colour: headings and numbers in the accent colour, body text in the text colour', async () => {
    const accent = view.settings.identity.accentColour
    const coloured = await textColours(standard, 1)
    expect(coloured.find((t) => t.text.startsWith(view.guide.title))?.colour).toBe(accent)
    expect(coloured.find((t) => t.text.startsWith('What to do now'))?.colour).toBe(accent)
    expect(coloured.find((t) => t.text.startsWith('0300 123 2040'))?.colour).toBe(accent)
    expect(coloured.find((t) => t.text.startsWith(view.guide.summary.slice(0, 20)))?.colour).toBe('#1b1b1f')
  })
})

describe('the list of what is inside', () => {
  it('is on the cover, each section with the page its heading really starts on', async () => {
    const pdf = await openPdf(standard)
    const items = await textItems(pdf)
    const lines = pageLines(items)
    const cover = lines.filter((l) => l.page === 1)
    const start = cover.findIndex((l) => l.text === 'In this leaflet')
    expect(start).toBeGreaterThan(0)
    const entries = cover.slice(start + 1).flatMap((l) => [...l.text.matchAll(/(.+?) page (\d+)/g)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) })))
    expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining([...view.guide.sections.map((s) => s.heading), 'Who can help', 'How to get help']))
    for (const entry of entries) {
      const heading = lines.find((l) => l.page > 1 && l.text === entry.title)
      expect(heading?.page, entry.title).toBe(entry.page)
    }
  })
})

describe('the logo in a document of many copies', () => {
  it('is embedded once, however many copies are drawn (a print pack)', async () => {
    const png = testPng(40, 20, [0x1d, 0x4e, 0x89])
    const layout = layoutLeaflet(view, 'standard', { logo: { data: png, width: 40, height: 20, alt: 'Logo' } })
    const doc = createDocument({ title: 't', lang: 'en-GB', date: new Date(0) })
    const bytes = collect(doc)
    const root = doc.struct('Document')
    doc.addStructure(root)
    for (let copy = 0; copy < 3; copy++) drawLeaflet(doc, root, layout, 'standard', { outline: false })
    root.end()
    doc.end()
    const file = (await bytes).toString('latin1')
    expect(file.match(/\/Subtype \/Image/g)).toHaveLength(1)
    expect((await openPdf(await bytes)).numPages).toBe(layout.pageCount * 3)
  })
})

describe('the back page', () => {
  it('closes with how to get help: 999, the numbers and the QR code with the address, then the small print', async () => {
    for (const bytes of [standard, largePrint]) {
      const pdf = await openPdf(bytes)
      const last = (await pageTexts(pdf)).at(-1)!
      const order = [
        'How to get help',
        'call 999',
        'Action Fraud',
        '0300 123 2040',
        'Derbyshire Victim Services',
        '0800 612 6505',
        'Text DVS to 82228',
        'scan the code',
        view.guide.url.slice(0, 20),
        'Leaflet revision',
      ]
      let from = 0
      for (const phrase of order) {
        const at = last.indexOf(phrase, from)
        expect(at, `"${phrase}" on the last page, in order`).toBeGreaterThanOrEqual(0)
        from = at
      }
      // The QR code (decoded in renderLeaflet.test.ts) is the last Figure, on the last page.
      const figure = findRole(await structTrees(pdf), 'Figure').at(-1)
      expect(figure?.alt).toBe(`QR code linking to ${view.guide.url}`)
    }
  })
})

async function renderPixels(pdf: Awaited<ReturnType<typeof openPdf>>) {
  const { renderPage } = await import('./testing/pdf.js')
  return renderPage(pdf, 1, 1)
}
