// On a translated guide: the revision of the English original it was last checked against (and when), and whether a
// qualified translator has checked it. content:check and readers' notices use the same fields.
import { TranslateIcon } from '@sanity/icons/Translate'
import { checkIsoDate, DEFAULT_LANGUAGE, languageOf } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { TranslationStatusInput } from '../../translation/TranslationStatusInput'
import { fromRule, singleLineRule } from '../validation'

type Parent = { reviewed?: unknown } | undefined

export const isEnglish = (document: unknown) =>
  (languageOf((document as { language?: unknown } | undefined)?.language)?.code ?? DEFAULT_LANGUAGE) === DEFAULT_LANGUAGE

export const translationStatus = defineType({
  name: 'translationStatus',
  title: 'Translation',
  type: 'object',
  icon: TranslateIcon,
  components: { input: TranslationStatusInput },
  fields: [
    defineField({
      name: 'translatedFromRevision',
      title: 'Checked against English revision',
      description: 'Set by "Checked against the English". When the English guide changes, this translation shows as out of date.',
      type: 'string',
      readOnly: true,
      validation: (rule) =>
        rule.custom((v) => (typeof v === 'string' && v.trim() ? true : 'Press "Checked against the English" once this translation matches it.')),
    }),
    defineField({
      name: 'checkedAgainstOriginalOn',
      title: 'Checked against the English on',
      description: 'Readers of an out-of-date translation are told this date.',
      type: 'date',
      readOnly: true,
      validation: (rule) => rule.custom(fromRule(checkIsoDate)),
    }),
    defineField({
      name: 'reviewed',
      title: 'Checked by a qualified translator',
      description: 'Until this is on, readers are told the translation has not been checked and are offered the English.',
      type: 'boolean',
      initialValue: false,
      validation: (rule) => rule.custom((v) => (typeof v === 'boolean' ? true : 'Say whether a qualified translator has checked this translation.')),
    }),
    defineField({
      name: 'reviewedBy',
      title: 'Checked by',
      description: 'The translator’s name (or agency).',
      type: 'string',
      hidden: ({ parent }) => (parent as Parent)?.reviewed !== true,
      validation: (rule) => rule.custom(singleLineRule),
    }),
    defineField({
      name: 'reviewedOn',
      title: 'Checked on',
      type: 'date',
      hidden: ({ parent }) => (parent as Parent)?.reviewed !== true,
      validation: (rule) => rule.custom((v) => (v == null ? true : fromRule(checkIsoDate)(v))),
    }),
  ],
})
