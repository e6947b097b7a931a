// Guide validation as an editor meets it: required fields, the shared slug/date/sentence rules and their own messages.
import { checkReviewDates, checkSlug, longSentenceMessage, longSentences, overdueMessage } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'
import { clock } from './guide'

let studio: TestStudio
const seed = readSeedDocuments().find((d) => d._type === 'guide')!
const message = (r: { ok: boolean; message?: string }) => (r.ok ? '' : r.message!)

beforeAll(async () => {
  studio = await startTestStudio()
  clock.now = () => new Date('2026-11-29T12:00:00Z')
})
afterAll(() => studio.close())

const errors = async (doc: Record<string, unknown>) => describeMarkers(await studio.validate(doc), 'error')
const warnings = async (doc: Record<string, unknown>) => describeMarkers(await studio.validate(doc), 'warning')

describe('guide validation', () => {
  it('passes the seed guide', async () => {
    expect(await errors(seed)).toEqual([])
  })

  it('asks for the missing required fields in plain words', async () => {
    const { title: _t, summary: _s, sections: _x, steps: _y, ...rest } = seed
    expect(await errors(rest)).toEqual(
      expect.arrayContaining([
        'title: Add a title.',
        'summary: Add a one-line summary.',
        'sections: Add at least one section.',
        'steps: Add at least one step, so the reader knows what to do.',
      ]),
    )
  })

  it('gives the slug rule’s message for a badly formed slug', async () => {
    const bad = 'Cyber Crime'
    expect(await errors({ ...seed, slug: { _type: 'slug', current: bad } })).toContain(`slug: ${message(checkSlug(bad))}`)
  })

  it('uses Sanity’s uniqueness check: a slug another guide has is refused', async () => {
    expect(await errors({ ...seed, _id: 'guide.copy' })).toContain('slug: Slug is already in use')
    expect(await errors({ ...seed, _id: 'drafts.guide.cyber-crime-and-fraud' })).toEqual([])
  })

  it('lets a translation keep the English slug, but not a second guide in the same language', async () => {
    const welsh = readSeedDocuments().find((d) => d._id === 'guide.cyber-crime-and-fraud.cy')!
    expect(await errors(welsh)).toEqual([])
    expect(await errors({ ...welsh, _id: 'drafts.another-welsh-guide' })).toContain('slug: Slug is already in use')
    expect(await errors({ ...welsh, _id: 'drafts.new-urdu', language: 'ur' })).toContain('slug: Slug is already in use')
    expect(await errors({ ...seed, _id: 'guide.copy', language: 'en-GB' })).toContain('slug: Slug is already in use')
  })

  it('refuses a review-by date that is not after the last review, with the rule’s message', async () => {
    const doc = { ...seed, reviewedAt: '2026-11-01', reviewBy: '2026-10-01' }
    expect(await errors(doc)).toContain(`reviewBy: ${message(checkReviewDates('2026-11-01', '2026-10-01'))}`)
  })

  it('asks for both review dates', async () => {
    const { reviewedAt: _a, reviewBy: _b, ...rest } = seed
    const found = await errors(rest)
    expect(found).toContain('reviewedAt: Pick a date, for example 2026-11-01.')
    expect(found).toContain('reviewBy: Pick a date, for example 2026-11-01.')
  })

  it('warns, without blocking, when the review is overdue', async () => {
    const doc = { ...seed, reviewedAt: '2026-01-01', reviewBy: '2026-06-01' }
    expect(await warnings(doc)).toContain(`reviewBy: ${overdueMessage('2026-06-01')}`)
    expect(await errors(doc)).toEqual([])
    expect((await warnings(seed)).filter((w) => w.startsWith('reviewBy'))).toEqual([])
  })

  it('warns about a sentence over 25 words in a section body, with the rule’s message', async () => {
    const long =
      'This sentence goes on and on with one word after another until it has far more than twenty five words in it and nobody can follow it any more.'
    const sections = [
      {
        _type: 'section',
        _key: 's1',
        heading: 'Long',
        body: [{ _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 'c1', text: long, marks: [] }] }],
      },
    ]
    const expected = longSentenceMessage(longSentences(long))!
    expect(await warnings({ ...seed, sections })).toContain(`sections.[s1].body: ${expected}`)
    expect(await errors({ ...seed, sections })).toEqual([])
  })

  it('warns about a long summary too', async () => {
    const summary = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ') + '.'
    expect(await warnings({ ...seed, summary })).toContain(`summary: ${longSentenceMessage(longSentences(summary))}`)
  })

  it('refuses a link that is not https', async () => {
    const sections = [
      {
        _type: 'section',
        _key: 's1',
        heading: 'Link',
        body: [
          {
            _type: 'block',
            _key: 'b1',
            style: 'normal',
            markDefs: [{ _type: 'link', _key: 'l1', href: 'http://example.org' }],
            children: [{ _type: 'span', _key: 'c1', text: 'A link.', marks: ['l1'] }],
          },
        ],
      },
    ]
    const found = await errors({ ...seed, sections })
    expect(found.join('\n')).toContain('Web addresses must start with https://')
  })

  it('refuses a language Signpost does not publish in, listing the ones it does', async () => {
    expect(await errors({ ...seed, language: 'english please' })).toContain(
      'language: "english please" is not a language Signpost publishes in. Use one of: en (English), cy (Welsh), pl (Polish), ur (Urdu).',
    )
  })

  it('asks a translation for its status; an English guide needs none', async () => {
    expect(await errors({ ...seed, language: 'cy' })).toContain('translation: Press "Checked against the English" once this translation matches it.')
    expect((await errors(seed)).filter((e) => e.startsWith('translation'))).toEqual([])
  })
})

describe('guide text', () => {
  it('refuses a title with a line break, naming it escaped', async () => {
    expect(await errors({ ...seed, title: 'Cyber Crime\r\nand Fraud' })).toEqual([
      'title: This must be on one line, but it has a line break in it: "Cyber Crime\\r\\nand Fraud". Remove the line break.',
    ])
  })
  it('allows line breaks in the summary but not a NUL', async () => {
    expect(await errors({ ...seed, summary: 'Line one.\nLine two.' })).toEqual([])
    expect(await errors({ ...seed, summary: 'Line one.\u0000' })).toEqual([
      expect.stringMatching(/^summary: This text has a hidden control character \(U\+0000\)/),
    ])
  })
})
