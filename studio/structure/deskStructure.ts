// The editor's menu: guides (all, and by language), organisations grouped by kind, areas, the phrase catalogues and the
// Settings singleton; plus the preview views
// (web page, leaflet, advice email) beside each guide.
import { CogIcon } from '@sanity/icons/Cog'
import { DesktopIcon } from '@sanity/icons/Desktop'
import { DocumentPdfIcon } from '@sanity/icons/DocumentPdf'
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { UsersIcon } from '@sanity/icons/Users'
import type { DefaultDocumentNodeResolver, StructureResolver } from 'sanity/structure'
import { PreviewFrame, type PreviewFrameOptions } from '../components/PreviewFrame'
import { ORGANISATION_KIND_LIST } from '../schemaTypes/organisationKinds'
import { emailVariants, leafletVariants, previewUrlFromEnv, webPageVariants } from './previewUrls'
import { guidesListItem, phrasesListItem } from './phrases'
import { SITE_SETTINGS_ID } from './singleton'

export const ORGANISATION_BY_KIND_TEMPLATE = 'organisation-by-kind'

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      guidesListItem(S),
      S.listItem()
        .id('organisations')
        .title('Organisations')
        .icon(UsersIcon)
        .child(
          S.list()
            .id('organisations')
            .title('Organisations')
            .items([
              S.listItem()
                .id('all-organisations')
                .title('All organisations')
                .schemaType('organisation')
                .child(S.documentTypeList('organisation').id('all-organisations').title('All organisations')),
              S.divider(),
              ...ORGANISATION_KIND_LIST.map((kind) =>
                S.listItem()
                  .id(`organisations-${kind.value}`)
                  .title(kind.plural)
                  .schemaType('organisation')
                  .child(
                    S.documentList()
                      .id(`organisations-${kind.value}`)
                      .title(kind.plural)
                      .schemaType('organisation')
                      .apiVersion('2025-02-19')
                      .filter('_type == "organisation" && kind == $kind')
                      .params({ kind: kind.value })
                      .defaultOrdering([{ field: 'name', direction: 'asc' }])
                      .initialValueTemplates([S.initialValueTemplateItem(ORGANISATION_BY_KIND_TEMPLATE, { kind: kind.value })]),
                  ),
              ),
            ]),
        ),
      S.documentTypeListItem('area').title('Areas'),
      S.divider(),
      phrasesListItem(S),
      S.listItem()
        .id(SITE_SETTINGS_ID)
        .title('Settings')
        .icon(CogIcon)
        .schemaType('siteSettings')
        .child(S.document().id(SITE_SETTINGS_ID).schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('Settings')),
    ])

export function guideViewOptions(previewUrl = previewUrlFromEnv()) {
  const view = (title: string, variants: PreviewFrameOptions['variants']): PreviewFrameOptions => ({ previewUrl, variants, title })
  return {
    webPage: view('Web page', webPageVariants),
    leaflet: view('Leaflet', leafletVariants),
    email: view('Advice email', emailVariants),
  }
}

export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, { schemaType }) => {
  if (schemaType !== 'guide') return S.document().views([S.view.form()])
  const options = guideViewOptions()
  return S.document().views([
    S.view.form(),
    S.view.component(PreviewFrame).id('web-page').title('Web page').icon(DesktopIcon).options(options.webPage),
    S.view.component(PreviewFrame).id('leaflet').title('Leaflet').icon(DocumentPdfIcon).options(options.leaflet),
    S.view.component(PreviewFrame).id('advice-email').title('Advice email').icon(EnvelopeIcon).options(options.email),
  ])
}
