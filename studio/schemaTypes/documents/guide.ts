// A piece of guidance, e.g. "Cyber Crime and Fraud": the one source for its web page, leaflet and advice email.
import { BookIcon } from '@sanity/icons/Book'
import {
  checkIsoDate,
  checkReviewDates,
  checkSmsLength,
  checkSupportedLanguage,
  DEFAULT_LANGUAGE,
  isReviewOverdue,
  overdueMessage,
  smsLengthRule,
  SUPPORTED_LANGUAGES,
} from '@signpost/content/rules'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { SmsLengthInput } from '../../components/SmsLengthInput'
import { isEnglish } from '../objects/translationStatus'
import { slugField } from '../slug'
import { controlCharactersRule, fromRule, longSentenceRule, required, requiredLine, toValidation } from '../validation'

/** Lets tests fix "today" for the overdue warning. */
export const clock = { now: () => new Date() }

export const guide = defineType({
  name: 'guide',
  title: 'Guide',
  type: 'document',
  icon: BookIcon,
  // NUL and other hidden control characters anywhere in the guide, Portable Text included, as the content door finds them.
  validation: (rule) => rule.custom(controlCharactersRule),
  groups: [
    { name: 'content', title: 'Content', default: true },
    { name: 'signposting', title: 'Who can help' },
    { name: 'review', title: 'Review' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      description: 'What the guide is about, in the words a victim would use, e.g. "Cyber Crime and Fraud".',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.custom(requiredLine('Add a title.')),
    }),
    slugField('title', 'cyber-crime-and-fraud', { uniqueInLanguage: true }),
    defineField({
      name: 'summary',
      title: 'Summary',
      description: 'One sentence saying what the reader will find. Shown under the title and on the front of the leaflet.',
      type: 'text',
      rows: 2,
      group: 'content',
      validation: (rule) => [rule.custom(required('Add a one-line summary.')), rule.custom(longSentenceRule).warning()],
    }),
    defineField({
      // Set by the Translations menu (@sanity/document-internationalization); the list is @signpost/content's languages.ts.
      name: 'language',
      title: 'Language',
      description: 'The language the guide is written in. To write it in another language, use the Translations menu above.',
      type: 'string',
      group: 'content',
      readOnly: true,
      initialValue: DEFAULT_LANGUAGE,
      options: { list: SUPPORTED_LANGUAGES.map((l) => ({ value: l.code, title: `${l.name} (${l.nativeName})` })) },
      validation: (rule) => rule.custom(fromRule(checkSupportedLanguage)),
    }),
    defineField({
      name: 'translation',
      title: 'Translation',
      description: 'Whether this translation still matches the English guide, and whether a qualified translator has checked it.',
      type: 'translationStatus',
      group: 'review',
      hidden: ({ document }) => isEnglish(document),
      // Never copied from the English when a translation is made: the Translations menu records a fresh status.
      options: { documentInternationalization: { exclude: true } },
      validation: (rule) =>
        rule.custom((value, context) =>
          isEnglish(context.document) || value ? true : 'Press "Checked against the English" once this translation matches it.',
        ),
    }),
    defineField({
      name: 'sections',
      title: 'Sections',
      description: 'The body of the guide, one section per question a reader has.',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({ type: 'section' })],
      validation: (rule) => rule.custom(required('Add at least one section.')),
    }),
    defineField({
      name: 'steps',
      title: 'What to do now',
      description: 'The actions to take, most important first. The first one goes on the front of the leaflet.',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({ type: 'step' })],
      validation: (rule) => rule.custom(required('Add at least one step, so the reader knows what to do.')),
    }),
    defineField({
      name: 'textMessage',
      title: 'Text message',
      description:
        'Optional: your own wording for the advice text a caseworker sends (with the guide’s address added after it). Leave empty to make it from the guide. Counted as GOV.UK Notify counts: 160 characters for one text, 306 for two; accents like ŵ or â make it 70 per text.',
      type: 'text',
      rows: 4,
      group: 'content',
      components: { input: SmsLengthInput },
      validation: (rule) => [
        rule.custom((value) => (typeof value === 'string' && value.trim() ? toValidation(smsLengthRule(value.trim())) : true)),
        rule
          .custom((value) => {
            const r = typeof value === 'string' && value.trim() ? checkSmsLength(value.trim()) : undefined
            return r?.ok && r.warning ? r.warning : true
          })
          .warning(),
      ],
    }),
    defineField({
      name: 'organisationsIntro',
      title: 'Introduction to the organisations',
      description: 'Optional sentence shown above the list of organisations.',
      type: 'text',
      rows: 2,
      group: 'signposting',
      validation: (rule) => rule.custom(longSentenceRule).warning(),
    }),
    defineField({
      name: 'organisations',
      title: 'Organisations that can help',
      description: 'Each organisation this guide points to. Local ones are only shown to readers in the areas they serve.',
      type: 'array',
      group: 'signposting',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'organisation' }] })],
      validation: (rule) => rule.unique().error('This organisation is listed twice.'),
    }),
    defineField({
      name: 'areas',
      title: 'Areas',
      description: 'The police areas this guide is for. Leave empty if it applies everywhere (national guidance).',
      type: 'array',
      group: 'signposting',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'area' }] })],
      validation: (rule) => rule.unique().error('This area is listed twice.'),
    }),
    defineField({
      name: 'reviewedAt',
      title: 'Last reviewed',
      description: 'The day someone last checked every fact in this guide. Printed on leaflets as "Checked …".',
      type: 'date',
      group: 'review',
      validation: (rule) => rule.custom(fromRule(checkIsoDate)),
    }),
    defineField({
      name: 'reviewBy',
      title: 'Review by',
      description: 'When it must be checked again. You will be warned once this date has passed.',
      type: 'date',
      group: 'review',
      validation: (rule) => [
        rule.custom(fromRule(checkIsoDate)),
        rule.custom((value, context) => toValidation(checkReviewDates(context.document?.reviewedAt, value))),
        rule.custom((value) => (typeof value === 'string' && isReviewOverdue(value, clock.now()) ? overdueMessage(value) : true)).warning(),
      ],
    }),
  ],
  orderings: [
    { title: 'Title', name: 'title', by: [{ field: 'title', direction: 'asc' }] },
    { title: 'Review due first', name: 'reviewBy', by: [{ field: 'reviewBy', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', reviewBy: 'reviewBy', area0: 'areas.0.name', area1: 'areas.1.name', language: 'language' },
    prepare({ title, reviewBy, area0, area1, language }) {
      const where = area0 ? [area0, area1].filter(Boolean).join(', ') + (area1 ? '…' : '') : 'National'
      const due =
        typeof reviewBy === 'string' ? (isReviewOverdue(reviewBy, clock.now()) ? `review overdue (${reviewBy})` : `review by ${reviewBy}`) : 'no review date'
      const lang = isEnglish({ language }) ? '' : `${String(language)} · `
      return { title: title ?? 'Untitled guide', subtitle: `${lang}${where} · ${due}` }
    },
  },
})
