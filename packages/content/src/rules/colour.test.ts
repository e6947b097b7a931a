import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { accentColourWarning, checkAccentColour, contrastRatio, formatRatio, TEXT_COLOUR } from './colour.js'

test('contrast ratios match WCAG 2 reference values', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
  // #767676 is the well-known lightest grey that passes 4.5:1 on white; #777777 just fails.
  expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
  expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5)
})

test('ratios are rounded down, so a failing 4.48 never reads as 4.5', () => {
  expect(formatRatio(4.478)).toBe('4.4:1')
  expect(formatRatio(21)).toBe('21.0:1')
})

test("Derbyshire's purple and the brand blue are accepted and normalised to #rrggbb", () => {
  expect(checkAccentColour('#5B2A86')).toEqual({ ok: true, value: '#5b2a86' })
  expect(checkAccentColour('#1d4e89')).toEqual({ ok: true, value: '#1d4e89' })
  expect(checkAccentColour('#333')).toEqual({ ok: true, value: '#333333' })
})

test('a colour too light for white text is refused with the ratio and what to do', () => {
  const r = checkAccentColour('#ffbf47')
  expect(r.ok).toBe(false)
  expect(!r.ok && r.message).toBe(
    'This colour is too light for white text on it, and for headings in it on a white page (contrast 1.6:1; it needs at least 4.5:1). Choose a darker shade.',
  )
  expect(checkAccentColour('#777777').ok).toBe(false)
})

test('what is not a colour code gets a plain message naming it', () => {
  const r = checkAccentColour('purple')
  expect(!r.ok && r.message).toBe('"purple" is not a colour code. Use # and six letters or digits, for example #5b2a86.')
  const empty = checkAccentColour(undefined)
  expect(!empty.ok && empty.message).toBe('Add the accent colour as a hex code, for example #5b2a86.')
})

test('an accent almost as dark as the body text gets a warning, a distinct one none', () => {
  expect(accentColourWarning('#14213d')).toMatch(/^This colour is almost the same as the text colour \(contrast 1\.0:1 with #1b1b1f\)/)
  expect(accentColourWarning('#5b2a86')).toBeUndefined()
  expect(accentColourWarning('not a colour')).toBeUndefined()
})

test('the text colour the rule checks against is the brand text colour', () => {
  const tokens = readFileSync(new URL('../../../brand/src/tokens.ts', import.meta.url), 'utf8')
  expect(tokens).toContain(`text: '${TEXT_COLOUR}',`)
})
