// One document per language with the fixed words every channel prints around the content ("What to do first",
// "Page 1 of 4", "Exit this page"…). Its fields are generated from the phrase key list in @signpost/content, grouped
// by channel, each showing the English it translates; an empty field means readers see the English.
import { TranslateIcon } from '@sanity/icons/Translate'
import {
  checkPhrasePlaceholders,
  checkSupportedLanguage,
  ENGLISH_PHRASES,
  PHRASE_GROUPS,
  PHRASE_KEYS,
  SUPPORTED_LANGUAGES,
  type PhraseKey,
} from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { controlCharactersRule, fromRule, singleLineRule } from '../validation'

export const PHRASE_CATALOGUE_TYPE = 'phraseCatalogue'

const GROUP_TITLES: Record<(typeof PHRASE_GROUPS)[number], string> = {
  common: 'Everywhere',
  site: 'Website',
  leaflet: 'Leaflet',
  email: 'Email',
  sms: 'Text message',
}

/** A phrase field: the English as its title and placeholder; placeholders must stay as in English. */
function phraseField(key: PhraseKey) {
  const english = ENGLISH_PHRASES[key]
  const long = english.length > 70
  return defineField({
    name: key.slice(key.indexOf('.') + 1),
    title: english,
    description: `${key}. Leave empty to show the English. Keep {placeholders} exactly as they are.`,
    type: long ? 'text' : 'string',
    ...(long ? { rows: 3 } : {}),
    placeholder: english,
    validation: (rule) => [
      rule.custom((value) => (typeof value === 'string' && value.trim() ? (long ? true : singleLineRule(value)) : true)),
      rule.custom((value) => {
        if (typeof value !== 'string' || !value.trim()) return true
        const r = checkPhrasePlaceholders(key, value)
        return r.ok ? true : r.message
      }),
    ],
  })
}

export const phraseCatalogue = defineType({
  name: PHRASE_CATALOGUE_TYPE,
  title: 'Phrases',
  type: 'document',
  icon: TranslateIcon,
  validation: (rule) => rule.custom(controlCharactersRule),
  groups: PHRASE_GROUPS.map((g, i) => ({ name: g, title: GROUP_TITLES[g], default: i === 0 })),
  fields: [
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      readOnly: true,
      options: { list: SUPPORTED_LANGUAGES.map((l) => ({ value: l.code, title: `${l.name} (${l.nativeName})` })) },
      validation: (rule) => rule.custom(fromRule(checkSupportedLanguage)),
    }),
    ...PHRASE_GROUPS.map((group) =>
      defineField({
        name: group,
        title: GROUP_TITLES[group],
        type: 'object',
        group,
        fields: PHRASE_KEYS.filter((k) => k.startsWith(`${group}.`)).map(phraseField),
      }),
    ),
  ],
  preview: {
    select: { language: 'language' },
    prepare({ language }) {
      const l = SUPPORTED_LANGUAGES.find((x) => x.code === language)
      return { title: l ? `Phrases in ${l.name} (${l.nativeName})` : 'Phrases', subtitle: 'The fixed words around the content' }
    },
  },
})
