// Areas and the settings singleton: required fields and the shared https rule for the exit destination.
import { checkHttpsUrl, checkSlug } from '@signpost/content/rules'
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

  it('asks for the site name, default area and emergency notice', async () => {
    const { siteName: _s, defaultArea: _d, emergencyNotice: _e, ...rest } = settings
    expect(await errors(rest)).toEqual(
      expect.arrayContaining(['siteName: Add the site name.', 'defaultArea: Choose the default area.', 'emergencyNotice: Add the emergency notice (call 999).']),
    )
  })
})
