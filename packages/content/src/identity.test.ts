// The service's identity comes from the site settings: Derbyshire's name, funder line, logo and accent from the embedded
// dataset, and every bad value refused (or warned about) with the settings field named.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from 'vitest'
import { loadContent } from './load.js'
import { loadAsset } from './loadAsset.js'
import type { Content, Problem } from './model.js'
import { ContentError } from './problems.js'
import { embeddedSource } from './sources/embedded.js'
import type { Document } from './sources/ndjson.js'
import { defaultDatasetPath } from './sources/fromEnv.js'
import { readSeedDocuments, writeDatasetFile } from './testing/dataset.js'

const seed = readSeedDocuments()
const withSettings = (change: (s: Document) => Document) => seed.map((d) => (d._type === 'siteSettings' ? change(d) : d))

async function load(file: string): Promise<{ content?: Content; problems: Problem[] }> {
  try {
    const content = await loadContent({ source: embeddedSource(file), siteUrl: 'https://help.example.org', now: new Date('2026-11-29') })
    return { content, problems: content.warnings }
  } catch (e) {
    if (e instanceof ContentError) return { problems: e.problems }
    throw e
  }
}

test("the embedded dataset carries Derbyshire's identity, with a logo whose bytes are a PNG of the stated size", async () => {
  const { content } = await load(defaultDatasetPath())
  const identity = content!.settings.identity
  expect(identity).toMatchObject({
    name: 'Derbyshire Victim Services',
    funderLine: 'Funded by the Police and Crime Commissioner for Derbyshire',
    accentColour: '#5b2a86',
    logo: { alt: 'Derbyshire Victim Services', mimeType: 'image/png', width: 920, height: 360 },
  })
  expect(identity.logo!.url).toBe(new URL('../../../studio/data/images/83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360.png', import.meta.url).href)
  const png = await loadAsset(identity.logo!.url)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([920, 360])
})

test('a copy of the dataset with its images/ folder still has the logo', async () => {
  const { content } = await load(writeDatasetFile(seed))
  expect(content!.settings.identity.logo?.url).toMatch(/^file:\/\/\/.*signpost-dataset-.*\/images\/83a25f.*-920x360\.png$/)
})

test('an accent too light for white text is refused, naming the settings field', async () => {
  const { problems } = await load(writeDatasetFile(withSettings((s) => ({ ...s, accentColour: '#f5a623' }))))
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: 'siteSettings',
    path: 'accentColour',
    message:
      'This colour is too light for white text on it, and for headings in it on a white page (contrast 2.0:1; it needs at least 4.5:1). Choose a darker shade.',
  })
})

test('an accent almost the colour of the text is published with a warning', async () => {
  const { content, problems } = await load(writeDatasetFile(withSettings((s) => ({ ...s, accentColour: '#14213D' }))))
  expect(content!.settings.identity.accentColour).toBe('#14213d')
  expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', documentId: 'siteSettings', path: 'accentColour' }))
})

test('a missing service name or accent colour is refused', async () => {
  const { problems } = await load(writeDatasetFile(withSettings(({ serviceName: _n, accentColour: _a, ...s }) => s)))
  expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`)).toEqual([
    'serviceName: The service name is missing.',
    'accentColour: Add the accent colour as a hex code, for example #5b2a86.',
  ])
})

test('a logo without alt text is refused', async () => {
  const { problems } = await load(writeDatasetFile(withSettings((s) => ({ ...s, logo: { ...(s.logo as object), alt: ' ' } }))))
  expect(problems).toContainEqual({
    severity: 'error',
    documentId: 'siteSettings',
    path: 'logo.alt',
    message: 'Describe the logo for people who cannot see it (alt text), for example "Derbyshire Victim Services".',
  })
})

test('a JPEG logo is refused: channels take PNG or SVG', async () => {
  const file = writeDatasetFile(withSettings((s) => ({ ...s, logo: { _type: 'image', _sanityAsset: 'image@file://./images/logo.jpg', alt: 'DVS' } })))
  writeFileSync(join(dirname(file), 'images/logo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))
  const { problems } = await load(file)
  expect(problems).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      path: 'logo',
      message: 'The logo must be a PNG or SVG image (this one is image/jpeg). Upload it again as PNG or SVG.',
    }),
  )
})

test('an SVG logo beside the dataset is read with its own size', async () => {
  const file = writeDatasetFile(withSettings((s) => ({ ...s, logo: { _type: 'image', _sanityAsset: 'image@file://./images/logo.svg', alt: 'DVS' } })))
  writeFileSync(
    join(dirname(file), 'images/logo.svg'),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 460 180"><text>DVS</text></svg>',
  )
  const { content } = await load(file)
  expect(content!.settings.identity.logo).toMatchObject({ mimeType: 'image/svg+xml', width: 460, height: 180, alt: 'DVS' })
  expect((await loadAsset(content!.settings.identity.logo!.url)).toString()).toContain('<text>DVS</text>')
})

test('a dataset copied without its images/ folder says which file is missing and shows no logo', async () => {
  const file = writeDatasetFile(seed)
  rmSync(join(dirname(file), 'images'), { recursive: true })
  const { content, problems } = await load(file)
  expect(content!.settings.identity.logo).toBeUndefined()
  const warning = problems.find((p) => p.path === 'logo')
  expect(warning).toMatchObject({ severity: 'warning', documentId: 'siteSettings' })
  expect(warning!.message).toContain(`looked for ${join(dirname(file), 'images', '83a25f9075a8b70220d4619ada61cf26d24fcec2-920x360.png')}: no such file`)
})

test('an asset path that leaves the dataset folder is not read', async () => {
  const file = writeDatasetFile(withSettings((s) => ({ ...s, logo: { _type: 'image', _sanityAsset: 'image@file://./../../../etc/passwd', alt: 'x' } })))
  mkdirSync(join(dirname(file), 'images'), { recursive: true })
  const { content, problems } = await load(file)
  expect(content!.settings.identity.logo).toBeUndefined()
  expect(problems).toContainEqual(
    expect.objectContaining({ severity: 'warning', path: 'logo', message: expect.stringContaining("points outside the dataset's folder") }),
  )
})
