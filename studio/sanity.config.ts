// The Signpost Studio: where editors write guidance and keep organisations' contact details current.
// Project and dataset come from the environment; the placeholder id lets it build and validate offline with no account.
// Only the default export: the CLI treats a module exporting `projectId` and `dataset` as the config itself.
import { documentInternationalization } from '@sanity/document-internationalization'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'
import { schemaTypes } from './schemaTypes'
import { ORGANISATION_KIND_LIST } from './schemaTypes/organisationKinds'
import { defaultDocumentNode, ORGANISATION_BY_KIND_TEMPLATE, structure } from './structure/deskStructure'
import { presentationResolve } from './structure/presentation'
import { previewUrlFromEnv } from './structure/previewUrls'
import { PHRASE_CATALOGUE_TEMPLATE, phraseCatalogueTemplate } from './structure/phrases'
import { singletonActions, withoutSingletonNewDocumentOptions, withoutSingletonTemplates } from './structure/singleton'
import { pluginLanguages } from './schemaTypes/languages'
import { guideBadges } from './translation/badges'
import { recordTranslationStart } from './translation/recordTranslationStart'

const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'signpost'
const dataset = process.env.SANITY_STUDIO_DATASET || 'production'
const previewUrl = previewUrlFromEnv()

export default defineConfig({
  name: 'default',
  title: 'Signpost',
  projectId,
  dataset,
  plugins: [
    structureTool({ title: 'Content', structure, defaultDocumentNode }),
    // Translations of guides as documents: the Translations menu creates one, linked through translation.metadata.
    documentInternationalization({
      supportedLanguages: pluginLanguages,
      schemaTypes: ['guide'],
      languageField: 'language',
      callback: recordTranslationStart,
    }),
    presentationTool({
      title: 'Preview',
      previewUrl: { origin: previewUrl, previewMode: { enable: '/api/draft-mode/enable' } },
      resolve: presentationResolve,
    }),
  ],
  schema: {
    types: schemaTypes,
    templates: (prev) => [
      ...withoutSingletonTemplates(prev),
      phraseCatalogueTemplate,
      {
        id: ORGANISATION_BY_KIND_TEMPLATE,
        title: 'Organisation of a kind',
        schemaType: 'organisation',
        parameters: [{ name: 'kind', type: 'string' }],
        value: (params: { kind?: string }) => ({
          kind: ORGANISATION_KIND_LIST.some((k) => k.value === params.kind) ? params.kind : undefined,
          status: 'active',
        }),
      },
    ],
  },
  document: {
    actions: (prev, context) => singletonActions(prev, context.schemaType),
    badges: (prev, context) => guideBadges(prev, context.schemaType),
    newDocumentOptions: (prev, context) => withoutSingletonNewDocumentOptions(prev, context).filter((item) => item.templateId !== PHRASE_CATALOGUE_TEMPLATE),
  },
})
