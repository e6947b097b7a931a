// The bidi module on its own: lines of Urdu with English names, phone numbers and punctuation come out in the order
// a reader of Urdu reads them (right to left, the English and the digits left to right inside), each line reordered
// on its own after the paragraph's levels are resolved once.
import { describe, expect, it } from 'vitest'
import { drawnText, hasRightToLeft, isolateLeftToRight, paragraphLevels, visualRuns, withoutControls, type Direction } from './bidi.js'

/** The runs of the line [start, end) of `text`, left to right as drawn: their logical text (controls removed), trimmed. */
function visual(text: string, dir: Direction, start = 0, end = text.length): string[] {
  const levels = paragraphLevels(text, dir)
  return visualRuns(text, levels, start, end)
    .map((r) => withoutControls(text.slice(r.start, r.end)).trim())
    .filter(Boolean)
}

describe('an Urdu line (right to left) with English and numbers', () => {
  it('reads right to left, with the English name and the isolated phone number left to right inside it', () => {
    const text = `فون ${isolateLeftToRight('0800 612 6505')} پر Action Fraud کو کال کریں۔`
    // Left to right on the page: the end of the sentence first, its start at the right margin.
    expect(visual(text, 'rtl')).toEqual(['کو کال کریں۔', 'Action Fraud', 'پر', '0800 612 6505', 'فون'])
  })

  it('keeps a phone number’s groups in order only when isolated (the algorithm alone reverses them)', () => {
    const bare = 'نمبر 0800 612 6505 ہے'
    expect(visual(bare, 'rtl')).toEqual(['ہے', '6505', '612', '0800', 'نمبر'])
    const isolated = `نمبر ${isolateLeftToRight('0800 612 6505')} ہے`
    expect(visual(isolated, 'rtl')).toEqual(['ہے', '0800 612 6505', 'نمبر'])
  })

  it('keeps two English words together in their own order, and a web address whole', () => {
    const text = 'مزید معلومات کے لیے ویب سائٹ www.actionfraud.police.uk دیکھیں'
    expect(visual(text, 'rtl')).toEqual(['دیکھیں', 'www.actionfraud.police.uk', 'مزید معلومات کے لیے ویب سائٹ'])
  })

  it('reorders each line on its own after breaking: the second line holds only its own words', () => {
    const first = 'اگر آپ کو خطرہ نہیں ہے تو Action '
    const text = `${first}Fraud سے رابطہ کریں۔`
    const levels = paragraphLevels(text, 'rtl')
    const line = (start: number, end: number) =>
      visualRuns(text, levels, start, end)
        .map((r) => text.slice(r.start, r.end))
        .filter((t) => t.trim())
        .map((t) => t.trim())
    expect(line(0, first.length)).toEqual(['Action', 'اگر آپ کو خطرہ نہیں ہے تو'])
    expect(line(first.length, text.length)).toEqual(['سے رابطہ کریں۔', 'Fraud'])
  })

  it('puts white space at the end of a line at the paragraph’s level (UAX #9 rule L1): at the left end of an RTL line', () => {
    // The line breaks after "Action ": inside the paragraph that space sits between two English words (level 2).
    const text = 'کو Action Fraud ہے'
    const levels = paragraphLevels(text, 'rtl')
    expect(levels.levels[text.indexOf('Action') + 6]).toBe(2)
    const runs = visualRuns(text, levels, 0, text.indexOf('Fraud'))
    expect(runs.map((r) => text.slice(r.start, r.end))).toEqual([' ', 'Action', 'کو '])
    expect(runs[0]!.level).toBe(1)
  })

  it('splits runs where the font or style changes (a bold name inside regular text)', () => {
    const text = 'یہ Derbyshire Victim Services ہے'
    const boldFrom = text.indexOf('Victim')
    const runs = visualRuns(text, paragraphLevels(text, 'rtl'), 0, text.length, (i) => i === boldFrom)
    expect(runs.map((r) => text.slice(r.start, r.end).trim()).filter(Boolean)).toEqual(['ہے', 'Derbyshire', 'Victim Services', 'یہ'])
  })
})

describe('an English line (left to right) with an Urdu word', () => {
  it('stays left to right, the Urdu word right to left inside it', () => {
    const text = 'The Urdu word for help is مدد کریں, said twice.'
    const levels = paragraphLevels(text, 'ltr')
    const runs = visualRuns(text, levels, 0, text.length)
    expect(runs.map((r) => text.slice(r.start, r.end))).toEqual(['The Urdu word for help is ', 'مدد کریں', ', said twice.'])
    expect(runs.map((r) => r.level)).toEqual([0, 1, 0])
  })

  it('is not bidi text at all when it has nothing right to left', () => {
    expect(hasRightToLeft('Call Action Fraud on 0300 123 2040 – “free”, ŵ ą')).toBe(false)
    expect(hasRightToLeft('کال')).toBe(true)
  })
})

describe('the string handed to the shaper', () => {
  it('is the logical text for the Arabic face at an odd level (fontkit reverses it), brackets mirrored', () => {
    expect(drawnText('کال کریں', 1, true)).toBe('کال کریں')
    expect(drawnText('(ہیکنگ)', 1, true)).toBe(')ہیکنگ(')
  })

  it('is reversed and mirrored for a left-to-right face at an odd level (punctuation between Urdu words)', () => {
    expect(drawnText(' (:', 1, false)).toBe(':) ')
  })

  it('is reversed for the Arabic face at an even level (Urdu digits read left to right), and has no bidi controls', () => {
    expect(drawnText('۰۳۰۰', 2, true)).toBe('۰۰۳۰')
    expect(drawnText(isolateLeftToRight('0300 123'), 2, false)).toBe('0300 123')
  })
})
