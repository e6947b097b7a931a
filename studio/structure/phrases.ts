// The phrase catalogues in the editor's menu: "Phrases", then one fixed document per language (id
// phraseCatalogue.<code>), opened directly like Settings, created with its language set on first edit.
import { TranslateIcon } from '@sanity/icons/Translate'
import { SUPPORTED_LANGUAGES } from '@signpost/content/rules'
import type { Template } from 'sanity'
import type { ListItemBuilder, StructureBuilder } from 'sanity/structure'
import { PHRASE_CATALOGUE_TYPE } from '../schemaTypes/documents/phraseCatalogue'

export const PHRASE_CATALOGUE_TEMPLATE = 'phrase-catalogue-for-language'

export const phraseCatalogueId = (code: string) => `phraseCatalogue.${code}`

/** The template each language's catalogue starts from: only its language. */
export const phraseCatalogueTemplate: Template = {
  id: PHRASE_CATALOGUE_TEMPLATE,
  title: 'Phrases for a language',
  schemaType: PHRASE_CATALOGUE_TYPE,
  parameters: [{ name: 'language', type: 'string' }],
  value: (params: { language?: string }) => ({ language: SUPPORTED_LANGUAGES.some((l) => l.code === params.language) ? params.language : undefined }),
}

export function phrasesListItem(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('phrases')
    .title('Phrases')
    .icon(TranslateIcon)
    .child(
      S.list()
        .id('phrases')
        .title('Phrases')
        .items(
          SUPPORTED_LANGUAGES.map((l) =>
            S.listItem()
              .id(phraseCatalogueId(l.code))
              .title(`${l.name} (${l.nativeName})`)
              .schemaType(PHRASE_CATALOGUE_TYPE)
              .child(
                S.document()
                  .id(phraseCatalogueId(l.code))
                  .schemaType(PHRASE_CATALOGUE_TYPE)
                  .documentId(phraseCatalogueId(l.code))
                  .initialValueTemplate(PHRASE_CATALOGUE_TEMPLATE, { language: l.code })
                  .title(`Phrases in ${l.name}`),
              ),
          ),
        ),
    )
}

/** Guides, all of them first, then one list per language. */
export function guidesListItem(S: StructureBuilder): ListItemBuilder {
  return S.listItem()
    .id('guides')
    .title('Guides')
    .schemaType('guide')
    .child(
      S.list()
        .id('guides')
        .title('Guides')
        .items([
          S.listItem().id('all-guides').title('All guides').schemaType('guide').child(S.documentTypeList('guide').id('all-guides').title('All guides')),
          S.divider(),
          ...SUPPORTED_LANGUAGES.map((l) =>
            S.listItem()
              .id(`guides-${l.code}`)
              .title(`${l.name} (${l.nativeName})`)
              .schemaType('guide')
              .child(
                S.documentList()
                  .id(`guides-${l.code}`)
                  .title(`Guides in ${l.name}`)
                  .schemaType('guide')
                  .apiVersion('2025-02-19')
                  .filter('_type == "guide" && language == $language')
                  .params({ language: l.code }),
              ),
          ),
        ]),
    )
}
