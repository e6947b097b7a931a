// A section's text in the Studio: the same link rule, control-character rule and "no text" message as the content door.
import { checkLinkHref, SECTION_WITHOUT_TEXT } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clock } from '../documents/guide'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
  clock.now = () => new Date('2026-11-29T12:00:00Z')
})
afterAll(() => studio.close())

const seed = readSeedDocuments().find((d) => d._type === 'guide')!
const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'passes' : r.message!)
const withLink = (href: string) => ({
  ...seed,
  sections: [
    {
      _type: 'section',
      _key: 's1',
      heading: 'Links',
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: [{ _type: 'link', _key: 'l1', href }],
          children: [{ _type: 'span', _key: 'c1', text: 'A link.', marks: ['l1'] }],
        },
      ],
    },
  ],
})
const errors = async (doc: Record<string, unknown>) => describeMarkers(await studio.validate(doc), 'error')

describe('link annotations', () => {
  it.each(['https://www.actionfraud.police.uk', 'mailto:help@example.org?subject=Advice', 'tel:+443001232040', 'tel:999', 'sms:82228?body=DVS'])(
    'accepts %s',
    async (href) => {
      expect(await errors(withLink(href))).toEqual([])
    },
  )
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/guides/other',
    '//evil.example/',
    'http://www.actionfraud.police.uk',
    'mailto:help@example.org?bcc=someone@example.org',
    'mailto:help@example.org?subject=x%0D%0ABcc:y@example.org',
    'tel:12345',
    'sms:8222?body=DVS',
  ])('refuses %s with the link rule’s words, on the link', async (href) => {
    expect(message(checkLinkHref(href))).not.toBe('passes')
    expect(await errors(withLink(href))).toEqual([`sections.[s1].body.[b1].markDefs.[l1].href: ${message(checkLinkHref(href))}`])
  })
})

describe('section text', () => {
  it('a section with only a heading gets the same plain message as the content door', async () => {
    const doc = { ...seed, sections: [{ _type: 'section', _key: 's1', heading: 'Only a heading' }] }
    expect(await errors(doc)).toEqual([`sections.[s1].body: ${SECTION_WITHOUT_TEXT}`])
  })
  it('a heading on two lines is refused', async () => {
    const doc = withLink('https://www.actionfraud.police.uk')
    const sections = [{ ...doc.sections[0], heading: 'How to\r\nreport it' }]
    expect(await errors({ ...doc, sections })).toEqual([
      expect.stringMatching(/^sections\.\[s1\]\.heading: This must be on one line, but it has a line break in it: "How to\\r\\nreport it"/),
    ])
  })
  it('a NUL inside a span is refused at that span', async () => {
    const doc = withLink('https://www.actionfraud.police.uk')
    const body = [{ ...doc.sections[0]!.body[0]!, children: [{ _type: 'span', _key: 'c1', text: 'Bad\u0000text', marks: [] }] }]
    const found = await errors({ ...doc, sections: [{ ...doc.sections[0], body }] })
    expect(found).toEqual([
      expect.stringMatching(/^sections\.\[s1\]\.body\.\[b1\]\.children\.\[c1\]\.text: This text has a hidden control character \(U\+0000\)/),
    ])
  })
})
