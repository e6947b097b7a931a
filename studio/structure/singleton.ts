// Settings is a singleton: one document with the fixed id "siteSettings", which editors can edit and publish but not
// create, duplicate or delete. These config hooks enforce that; the desk structure opens it directly.
import type { DocumentActionComponent, NewDocumentOptionsResolver, Template } from 'sanity'
import { SITE_SETTINGS_ID } from '../schemaTypes/documents/siteSettings'

// Phrase catalogues too: one fixed document per language (phraseCatalogue.<code>), opened from the Phrases menu.
export const SINGLETON_TYPES = new Set(['siteSettings', 'phraseCatalogue'])
export { SITE_SETTINGS_ID }

/** The only actions a singleton offers: no duplicate, delete or unpublish. */
export const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

export function singletonActions(prev: DocumentActionComponent[], schemaType: string): DocumentActionComponent[] {
  if (!SINGLETON_TYPES.has(schemaType)) return prev
  return prev.filter(({ action }) => action !== undefined && SINGLETON_ACTIONS.has(action))
}

/** No "create new" template for singleton types, anywhere in the Studio. */
export function withoutSingletonTemplates(prev: Template[]): Template[] {
  return prev.filter((template) => !SINGLETON_TYPES.has(template.schemaType))
}

export const withoutSingletonNewDocumentOptions: NewDocumentOptionsResolver = (prev) => prev.filter((item) => !SINGLETON_TYPES.has(item.templateId))
