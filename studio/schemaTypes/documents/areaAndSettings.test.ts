// Areas and the settings singleton: required fields and the shared https rule for the exit destination.
import { accentColourWarning, checkAccentColour, checkHttpsUrl, checkLogoAlt, checkSlug } from '@signpost/content/rules'
import { readSeedDocuments } from '@signpost/content/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeMarkers, startTestStudio, type TestStudio } from '../testWorkspace'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const seed = readSeedDocuments()
const area = seed.find((d) => d._type === 'area')!
const settings = seed.find((d) => d._type === 'siteSettings')!
const errors = async (doc: Record<string, unknown>) => describeMarkers(await studio.validate(doc), 'error')
const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'passes' : r.message!)

describe('area', () => {
  it('asks for name, force and slug', async () => {
    const { name: _n, forceName: _f, slug: _s, ...rest } = area
    expect(await errors(rest)).toEqual(
      expect.arrayContaining(['name: Add the area’s name.', 'forceName: Add the name of the police force.', `slug: ${message(checkSlug(undefined))}`]),
    )
  })

  it('refuses a second area with the same slug', async () => {
    expect(await errors({ ...area, _id: 'area.copy' })).toContain('slug: Slug is already in use')
  })
})

describe('site settings', () => {
  it('passes the seed settings', async () => {
    expect(await errors(settings)).toEqual([])
  })

  it('needs an https exit destination, with the URL rule’s words', async () => {
    expect(await errors({ ...settings, exitUrl: 'http://www.bbc.co.uk/weather' })).toEqual([
      `exitUrl: ${message(checkHttpsUrl('http://www.bbc.co.uk/weather'))}`,
    ])
  })

  it('asks for the service name readers know and the accent colour', async () => {
    const { serviceName: _s, accentColour: _a, ...rest } = settings
    expect(await errors(rest)).toEqual(
      expect.arrayContaining([
        'serviceName: Add the service name readers know, e.g. "Derbyshire Victim Services".',
        `accentColour: ${message(checkAccentColour(undefined))}`,
      ]),
    )
  })

  it('refuses an accent too light for white text with the same words as the content door, and warns about one as dark as the text', async () => {
    expect(await errors({ ...settings, accentColour: '#f5a623' })).toEqual([`accentColour: ${message(checkAccentColour('#f5a623'))}`])
    expect(message(checkAccentColour('#f5a623'))).toContain('contrast 2.0:1; it needs at least 4.5:1')
    const markers = describeMarkers(await studio.validate({ ...settings, accentColour: '#14213d' }), 'warning')
    expect(markers).toContain(`accentColour: ${accentColourWarning('#14213d')}`)
  })

  it('needs alt text for an uploaded logo', async () => {
    const logo = { _type: 'image', asset: { _type: 'reference', _ref: 'image-83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360-png' } }
    expect(await errors({ ...settings, logo })).toEqual([`logo.alt: ${message(checkLogoAlt(undefined))}`])
    expect(await errors({ ...settings, logo: { ...logo, alt: 'Derbyshire Victim Services' } })).toEqual([])
  })

  it('asks for the site name, default area and emergency notice', async () => {
    const { siteName: _s, defaultArea: _d, emergencyNotice: _e, ...rest } = settings
    expect(await errors(rest)).toEqual(
      expect.arrayContaining([
        'siteName: Add the site name.',
        'defaultArea: Choose the default area.',
        'emergencyNotice: Add the emergency notice (call 999).',
      ]),
    )
  })
})
