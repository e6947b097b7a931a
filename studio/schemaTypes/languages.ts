// The Studio's view of the one language list in @signpost/content (languages.ts): the plugin's language choices and
// the per-language fields for organisations' words. No list of languages is written here.
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '@signpost/content/rules'
import { defineField, type FieldDefinition } from 'sanity'
import { singleLineRule } from './validation'

/** For @sanity/document-internationalization: English first, each with its own name, e.g. "Urdu (اردو)". */
export const pluginLanguages = SUPPORTED_LANGUAGES.map((l) => ({ id: l.code, title: l.code === l.nativeName ? l.name : `${l.name} (${l.nativeName})` }))

/** The languages an English text can be translated into. */
export const translationLanguages = SUPPORTED_LANGUAGES.filter((l) => l.code !== DEFAULT_LANGUAGE)

/**
 * A plain object with one field per language to translate into (e.g. descriptionTranslations.cy), beside the English
 * field it translates. Chosen over sanity-plugin-internationalized-array so the English field stays a plain string
 * (no migration, every query and channel unchanged) and because its releases after 5.1.3 pull @sanity/util 6.
 */
export function translationsField(options: { name: string; title: string; of: string; type: 'string' | 'text'; group?: string }): FieldDefinition {
  return defineField({
    name: options.name,
    title: options.title,
    description: `${options.of} in other languages. Leave a language empty to show the English. Names, numbers and links are never translated.`,
    type: 'object',
    group: options.group,
    options: { collapsible: true, collapsed: true },
    fields: translationLanguages.map((l) =>
      defineField({
        name: l.code,
        title: `${l.name} (${l.nativeName})`,
        type: options.type,
        ...(options.type === 'text' ? { rows: 3 } : {}),
        validation: (rule) => (options.type === 'string' ? rule.custom(singleLineRule) : rule),
      }),
    ),
  })
}
