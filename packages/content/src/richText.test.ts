// Numbers in a guide's paragraphs become ordinary link annotations in the model, so every channel can make them tappable.
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import { describe, expect, test } from 'vitest'
import { loadContent } from './load.js'
import { linkContactNumbers } from './richText.js'
import { embeddedSource } from './sources/embedded.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'

type Span = { _type: 'span'; _key: string; text: string; marks: string[] }
const block = (children: Span[], markDefs: Array<Record<string, unknown>> = []) => ({ _type: 'block', _key: 'b', style: 'normal', markDefs, children })
const span = (text: string, marks: string[] = [], key = 's') => ({ _type: 'span' as const, _key: key, text, marks })
/** The parts of a block as [text, href of its link or ''] pairs. */
function parts(b: ReturnType<typeof block>): Array<[string, string]> {
  return b.children.map((c) => {
    const def = b.markDefs.find((d) => c.marks.includes(d._key as string) && d._type === 'link')
    return [c.text, (def?.href as string) ?? '']
  })
}

describe('linkContactNumbers', () => {
  test('splits the span so only the number carries a tel: link with an auto- key', () => {
    const [out] = linkContactNumbers([block([span('Contact Action Fraud on 0300 123 2040 or online.')])])
    expect(out!.markDefs).toEqual([{ _type: 'link', _key: 'auto-1', href: 'tel:+443001232040' }])
    expect(parts(out as ReturnType<typeof block>)).toEqual([
      ['Contact Action Fraud on ', ''],
      ['0300 123 2040', 'tel:+443001232040'],
      [' or online.', ''],
    ])
    const keys = (out as ReturnType<typeof block>).children.map((c) => c._key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('text instructions get an sms: link, 999 a tel:999 link, each with its own key; the text is unchanged', () => {
    const input = block([span('In danger call 999. Otherwise text DVS to 82228 or call 0800 612 6505.', ['strong'])])
    const [out] = linkContactNumbers([input]) as Array<ReturnType<typeof block>>
    expect(out!.markDefs.map((d) => [d._key, d.href])).toEqual([
      ['auto-1', 'tel:999'],
      ['auto-2', 'sms:82228?body=DVS'],
      ['auto-3', 'tel:+448006126505'],
    ])
    expect(out!.children.every((c) => c.marks.includes('strong'))).toBe(true)
    expect(toPlainText([out as PortableTextBlock])).toBe(toPlainText([input as PortableTextBlock]))
  })

  test('a number split over bold and plain spans is linked in both parts', () => {
    const [out] = linkContactNumbers([block([span('Ring 0300 ', ['strong'], 'a'), span('123 2040 today', [], 'b')])]) as Array<ReturnType<typeof block>>
    expect(parts(out!)).toEqual([
      ['Ring ', ''],
      ['0300 ', 'tel:+443001232040'],
      ['123 2040', 'tel:+443001232040'],
      [' today', ''],
    ])
  })

  test('text already inside a link is left alone, and so are blocks without numbers (same object)', () => {
    const linked = block([span('0300 123 2040', ['l1'])], [{ _type: 'link', _key: 'l1', href: 'https://www.actionfraud.police.uk' }])
    const plain = block([span('No numbers here.')])
    const out = linkContactNumbers([linked, plain])
    expect(out[0]).toBe(linked)
    expect(out[1]).toBe(plain)
  })

  test('keys never collide with an editor’s own auto-1', () => {
    const [out] = linkContactNumbers([block([span('See this or call 999.', ['auto-1'])], [{ _type: 'note', _key: 'auto-1' }])]) as Array<
      ReturnType<typeof block>
    >
    expect(out).toBeDefined()
    // the whole span is inside the editor's own annotation, so it is not linked
    expect(out!.markDefs).toHaveLength(1)
    const [out2] = linkContactNumbers([
      block([span('See this ', ['auto-1'], 'a'), span('or call 999.', [], 'b')], [{ _type: 'link', _key: 'auto-1', href: 'https://example.org' }]),
    ]) as Array<ReturnType<typeof block>>
    expect(out2!.markDefs.map((d) => d._key)).toEqual(['auto-1', 'auto-2'])
  })

  test('hostile text: Urdu around a number, 300-character words, markup and inline objects', () => {
    const urdu = 'مدد کے لیے 0800 612 6505 پر کال کریں'
    const [out] = linkContactNumbers([block([span(urdu)])]) as Array<ReturnType<typeof block>>
    expect(parts(out!)).toEqual([
      ['مدد کے لیے ', ''],
      ['0800 612 6505', 'tel:+448006126505'],
      [' پر کال کریں', ''],
    ])
    const long = `${'x'.repeat(300)} <b>0300 123 2040</b>`
    const [out2] = linkContactNumbers([block([span(long)])]) as Array<ReturnType<typeof block>>
    expect(
      parts(out2!)
        .map(([t]) => t)
        .join(''),
    ).toBe(long)
    expect(parts(out2!)[1]).toEqual(['0300 123 2040', 'tel:+443001232040'])
    const withObject = {
      ...block([span('Call 0300 ', [], 'a')]),
      children: [span('Call 0300 ', [], 'a'), { _type: 'emoji', _key: 'e' }, span('123 2040', [], 'c')],
    }
    expect(linkContactNumbers([withObject])[0]).toBe(withObject)
  })
})

test('the seed guide’s normalised text links its numbers, and every link is one the renderers accept', async () => {
  const content = await loadContent({ source: embeddedSource(writeDatasetFile(readSeedDocuments())), siteUrl: 'https://help.example.org' })
  const body = content.guides[0]!.sections.flatMap((s) => s.body) as Array<ReturnType<typeof block>>
  const hrefs = body.flatMap((b) => (b.markDefs ?? []).filter((d) => String(d._key).startsWith('auto-')).map((d) => d.href))
  expect(hrefs).toContain('tel:+443001232040')
})
