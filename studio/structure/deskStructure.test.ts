// The editor's menu and preview views, built with Sanity's real structure builder over the real workspace.
import { createStructureBuilder, type StructureBuilder } from 'sanity/structure'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PreviewFrame } from '../components/PreviewFrame'
import { startTestStudio, type TestStudio } from '../schemaTypes/testWorkspace'
import { defaultDocumentNode, guideViewOptions, structure } from './deskStructure'
import { previewSrc } from './previewUrls'

let studio: TestStudio
let S: StructureBuilder
beforeAll(async () => {
  studio = await startTestStudio()
  S = createStructureBuilder({ source: studio.workspace.unstable_sources[0]!, defaultDocumentNode, perspectiveStack: [] })
})
afterAll(() => studio.close())

type Serialized = { id: string; title?: string; type?: string; items?: Serialized[]; child?: unknown; options?: Record<string, unknown> }

async function resolveChild(item: Serialized): Promise<Serialized> {
  const child = item.child as ((id: string, ctx: unknown) => unknown) | { serialize?: () => unknown }
  const value = typeof child === 'function' ? await child(item.id, { parent: null, index: 0, splitIndex: 0, path: [], params: {} }) : child
  const built =
    value && typeof (value as { serialize?: unknown }).serialize === 'function'
      ? (value as { serialize: (o: unknown) => unknown }).serialize({ path: [] })
      : value
  return built as Serialized
}

describe('desk structure', () => {
  it('lists guides, organisations, areas, phrases and settings', async () => {
    const root = (await structure(S, {} as never)) as unknown as { serialize(o: unknown): Serialized }
    const items = root.serialize({ path: [] }).items!.filter((i) => i.type !== 'divider')
    expect(items.map((i) => i.title)).toEqual(['Guides', 'Organisations', 'Areas', 'Phrases', 'Settings'])
  })

  it('lists guides by language and one phrase catalogue per language, from the one language list', async () => {
    const root = (await structure(S, {} as never)) as unknown as { serialize(o: unknown): Serialized }
    const items = root.serialize({ path: [] }).items!
    const guides = await resolveChild(items.find((i) => i.title === 'Guides')!)
    expect(guides.items!.filter((i) => i.type !== 'divider').map((i) => i.title)).toEqual([
      'All guides',
      'English (English)',
      'Welsh (Cymraeg)',
      'Polish (Polski)',
      'Urdu (اردو)',
    ])
    const urdu = await resolveChild(guides.items!.find((i) => i.id === 'guides-ur')!)
    expect(urdu.options).toMatchObject({ filter: '_type == "guide" && language == $language', params: { language: 'ur' } })
    const phrases = await resolveChild(items.find((i) => i.title === 'Phrases')!)
    expect(phrases.items!.map((i) => i.id)).toEqual(['phraseCatalogue.en', 'phraseCatalogue.cy', 'phraseCatalogue.pl', 'phraseCatalogue.ur'])
    const welsh = await resolveChild(phrases.items![1]!)
    expect(welsh.options).toMatchObject({
      id: 'phraseCatalogue.cy',
      type: 'phraseCatalogue',
      template: 'phrase-catalogue-for-language',
      templateParameters: { language: 'cy' },
    })
  })

  it('opens Settings as the one document with id siteSettings', async () => {
    const root = (await structure(S, {} as never)) as unknown as { serialize(o: unknown): Serialized }
    const settings = root.serialize({ path: [] }).items!.find((i) => i.title === 'Settings')!
    const doc = (await resolveChild(settings)) as Serialized & { options: { id: string; type: string } }
    expect(doc.type).toBe('document')
    expect(doc.options).toMatchObject({ id: 'siteSettings', type: 'siteSettings' })
  })

  it('groups organisations by kind, with "All organisations" first', async () => {
    const root = (await structure(S, {} as never)) as unknown as { serialize(o: unknown): Serialized }
    const orgs = await resolveChild(root.serialize({ path: [] }).items!.find((i) => i.title === 'Organisations')!)
    const lists = orgs.items!.filter((i) => i.type !== 'divider')
    expect(lists.map((i) => i.title)).toEqual(['All organisations', 'Reporting centres', 'Support services', 'Charities', 'Advice websites', 'Funders'])
    const support = (await resolveChild(lists.find((i) => i.title === 'Support services')!)) as Serialized & {
      options: { filter: string; params: Record<string, string> }
    }
    expect(support.options.filter).toBe('_type == "organisation" && kind == $kind')
    expect(support.options.params).toEqual({ kind: 'supportService' })
  })
})

describe('guide views', () => {
  it('puts the web page, leaflet and advice email beside the form, each a PreviewFrame', () => {
    const node = S.defaultDocument({ schemaType: 'guide', documentId: 'guide.x' }) as unknown as {
      serialize(o: unknown): { views: Array<{ id: string; title: string; type: string; component?: unknown }> }
    }
    const views = node.serialize({ path: [] }).views
    expect(views.map((v) => v.title)).toEqual(['Editor', 'Web page', 'Leaflet', 'Advice email'])
    expect(views.slice(1).every((v) => v.type === 'component' && v.component === PreviewFrame)).toBe(true)
  })

  it('points each view at the site routes for the guide', () => {
    const options = guideViewOptions('https://signpost.example')
    const urls = (o: typeof options.leaflet) => o.variants.map((v) => previewSrc(o.previewUrl, v, 'cyber-crime-and-fraud'))
    expect(urls(options.webPage)).toEqual(['https://signpost.example/guides/cyber-crime-and-fraud'])
    expect(urls(options.leaflet)).toEqual([
      'https://signpost.example/guides/cyber-crime-and-fraud/leaflet.pdf?view=inline',
      'https://signpost.example/guides/cyber-crime-and-fraud/leaflet-large-print.pdf?view=inline',
    ])
    expect(urls(options.email)).toEqual([
      'https://signpost.example/guides/cyber-crime-and-fraud/email-preview',
      'https://signpost.example/guides/cyber-crime-and-fraud/email-preview.txt',
    ])
  })

  it('gives other document types the form only', () => {
    const node = S.defaultDocument({ schemaType: 'organisation', documentId: 'o' }) as unknown as {
      serialize(o: unknown): { views: unknown[] }
    }
    expect(node.serialize({ path: [] }).views).toHaveLength(1)
  })
})
