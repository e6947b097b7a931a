// Settings is a singleton: it can be published, never created anew, duplicated or deleted.
import type { DocumentActionComponent, Template } from 'sanity'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStudio, type TestStudio } from '../schemaTypes/testWorkspace'
import { singletonActions, withoutSingletonNewDocumentOptions } from './singleton'

let studio: TestStudio
beforeAll(async () => {
  studio = await startTestStudio()
})
afterAll(() => studio.close())

const names = (actions: DocumentActionComponent[]) => actions.map((a) => a.action)

describe('settings singleton', () => {
  it('offers no template for a new settings document, but keeps the others', () => {
    const templates = studio.workspace.templates as Template[]
    expect(templates.map((t) => t.schemaType)).not.toContain('siteSettings')
    expect(templates.map((t) => t.id)).toEqual(expect.arrayContaining(['guide', 'organisation', 'area', 'organisation-by-kind']))
  })

  it('keeps publish but drops delete, duplicate and unpublish for settings only', () => {
    const context = { schemaType: 'siteSettings', documentId: 'siteSettings' } as never
    const all = studio.workspace.document.actions({ schemaType: 'guide', documentId: 'guide.x' } as never)
    expect(names(all)).toEqual(expect.arrayContaining(['publish', 'delete', 'duplicate', 'unpublish']))
    const settings = studio.workspace.document.actions(context)
    expect(names(settings)).toContain('publish')
    for (const banned of ['delete', 'duplicate', 'unpublish']) expect(names(settings)).not.toContain(banned)
    expect(singletonActions(all, 'guide')).toBe(all)
  })

  it('hides settings from "create new" menus', () => {
    const items = [{ templateId: 'guide' }, { templateId: 'siteSettings' }] as never
    expect((withoutSingletonNewDocumentOptions(items, {} as never) as Array<{ templateId: string }>).map((i) => i.templateId)).toEqual(['guide'])
  })
})
