// Signpost's design tokens: one calm, high-contrast look for the site, the leaflets and the emails.
// Colours meet WCAG AA (most AAA) on white; sizes are generous because readers may be upset or on a phone.
export const colours = {
  text: '#1b1b1f',
  muted: '#4a4a55',
  background: '#ffffff',
  surface: '#f3f5f8',
  border: '#6b6b78',
  brand: '#1d4e89',
  brandDark: '#123156',
  link: '#1d4e89',
  linkVisited: '#5a2a82',
  focus: '#ffbf47',
  focusText: '#0b0c0c',
  emergency: '#a3161d',
  exit: '#a3161d',
  onBrand: '#ffffff',
} as const

/** Type sizes in CSS pixels for screens. */
export const screenType = {
  body: 18,
  small: 16,
  h1: 32,
  h2: 24,
  h3: 20,
  phone: 28,
  lineHeight: 1.5,
} as const

/** Type sizes in points for print (UKAAF clear print: 12 pt minimum, 14 pt preferred; large print 16 pt or more). */
export const printType = {
  standard: { body: 14, small: 12, h1: 26, h2: 18, phone: 22, lineGap: 4 },
  'large-print': { body: 18, small: 16, h1: 32, h2: 24, phone: 28, lineGap: 6 },
} as const
export type PrintFormat = keyof typeof printType

export const spacing = { xs: 4, s: 8, m: 16, l: 24, xl: 40 } as const

/** Smallest tap target in CSS pixels (WCAG 2.2 asks 24; we hold 44, as GOV.UK and Apple do). */
export const tapTarget = 44

export const fontFamily = `'Atkinson Hyperlegible Next', 'Atkinson Hyperlegible', Arial, sans-serif`
