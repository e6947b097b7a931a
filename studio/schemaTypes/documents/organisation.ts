// An organisation a guide signposts (support service, reporting centre, charity…), with its contact details as data
// so every channel shows and dials them the same way.
import { UsersIcon } from '@sanity/icons/Users'
import { checkContactable, checkCoverageAreas, checkSuccessor, organisationKindTitle, parseUkPhone } from '@signpost/content/rules'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { translationsField } from '../languages'
import { ORGANISATION_KIND_LIST } from '../organisationKinds'
import { slugField } from '../slug'
import { controlCharactersRule, longSentenceRule, required, requiredLine, toValidation } from '../validation'

type Parent = { coverage?: string; status?: string; _id?: string } | undefined

function isChosen(what: string) {
  return (value: unknown) => (typeof value === 'boolean' ? true : what)
}

export const organisation = defineType({
  name: 'organisation',
  title: 'Organisation',
  type: 'document',
  icon: UsersIcon,
  validation: (rule) => rule.custom(controlCharactersRule),
  groups: [
    { name: 'about', title: 'About', default: true },
    { name: 'contact', title: 'Contact' },
    { name: 'where', title: 'Where and status' },
  ],
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      description: 'The name people know it by, e.g. "Derbyshire Victim Services".',
      type: 'string',
      group: 'about',
      validation: (rule) => rule.custom(requiredLine('Add the organisation’s name.')),
    }),
    slugField('name', 'action-fraud'),
    defineField({
      name: 'kind',
      title: 'Kind of organisation',
      description: 'Decides where it appears: support services go on the front of leaflets for their areas.',
      type: 'string',
      group: 'about',
      options: { list: ORGANISATION_KIND_LIST.map(({ value, title }) => ({ value, title })), layout: 'radio' },
      validation: (rule) => rule.custom(required('Choose what kind of organisation this is.')),
    }),
    defineField({
      name: 'description',
      title: 'What they do',
      description: 'A few short sentences in plain words: who they help and how.',
      type: 'text',
      rows: 4,
      group: 'about',
      validation: (rule) => [rule.custom(required('Say in a sentence or two what this organisation does.')), rule.custom(longSentenceRule).warning()],
    }),
    translationsField({ name: 'descriptionTranslations', title: 'What they do, translated', of: 'What they do', type: 'text', group: 'about' }),
    defineField({
      name: 'contactPoints',
      title: 'How to contact them',
      description: 'Phone numbers, text numbers, websites and email addresses, most useful first.',
      type: 'array',
      group: 'contact',
      of: [
        defineArrayMember({ type: 'phoneContact' }),
        defineArrayMember({ type: 'smsContact' }),
        defineArrayMember({ type: 'websiteContact' }),
        defineArrayMember({ type: 'emailContact' }),
      ],
      // A warning, as at the content door: an organisation readers cannot reach is a dead end on the site and leaflet.
      validation: (rule) => rule.custom((value, context) => toValidation(checkContactable(value, (context.document as Parent)?.status))).warning(),
    }),
    defineField({
      name: 'free',
      title: 'Free to use',
      description: 'Switch on if the service costs nothing.',
      type: 'boolean',
      group: 'contact',
      validation: (rule) => rule.custom(isChosen('Say whether the service is free.')),
    }),
    defineField({
      name: 'confidential',
      title: 'Confidential',
      description: 'Switch on if they keep what people tell them private.',
      type: 'boolean',
      group: 'contact',
      validation: (rule) => rule.custom(isChosen('Say whether the service is confidential.')),
    }),
    defineField({
      name: 'coverage',
      title: 'Where they help',
      description: 'National organisations are shown everywhere; local ones only in the areas you pick.',
      type: 'string',
      group: 'where',
      options: {
        list: [
          { title: 'National (everywhere)', value: 'national' },
          { title: 'Local (only some areas)', value: 'local' },
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.custom(required('Choose national or local.')),
    }),
    defineField({
      name: 'areas',
      title: 'Areas served',
      description: 'The police areas where this organisation helps people.',
      type: 'array',
      group: 'where',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'area' }] })],
      hidden: ({ document }) => (document as Parent)?.coverage !== 'local',
      validation: (rule) => [
        rule.custom((value, context) => toValidation(checkCoverageAreas((context.document as Parent)?.coverage, value))),
        rule.unique().error('This area is listed twice.'),
      ],
    }),
    defineField({
      name: 'status',
      title: 'Status',
      description: 'Closed organisations are no longer shown to readers; for a renamed one, pick what it became.',
      type: 'string',
      group: 'where',
      initialValue: 'active',
      options: {
        list: [
          { title: 'Active', value: 'active' },
          { title: 'Renamed or merged', value: 'renamed' },
          { title: 'Closed', value: 'closed' },
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.custom(required('Choose a status.')),
    }),
    defineField({
      name: 'successor',
      title: 'Replaced by',
      description: 'The organisation that took over, so guides can point readers to it.',
      type: 'reference',
      group: 'where',
      to: [{ type: 'organisation' }],
      hidden: ({ document }) => !(document as Parent)?.status || (document as Parent)?.status === 'active',
      validation: (rule) =>
        rule.custom((value: { _ref?: string } | undefined, context) => {
          const doc = context.document as Parent
          return toValidation(checkSuccessor(doc?.status, value?._ref, doc?._id))
        }),
    }),
    defineField({
      name: 'fundedBy',
      title: 'Funded by',
      description: 'Optional: the funder, e.g. the Police and Crime Commissioner.',
      type: 'reference',
      group: 'where',
      to: [{ type: 'organisation' }],
      options: { filter: 'kind == "funder"' },
    }),
  ],
  orderings: [{ title: 'Name', name: 'name', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { name: 'name', kind: 'kind', status: 'status', contactPoints: 'contactPoints' },
    prepare({ name, kind, status, contactPoints }) {
      const firstPhone = (Array.isArray(contactPoints) ? contactPoints : []).find((c: { _type?: string }) => c?._type === 'phoneContact') as
        { number?: string } | undefined
      const phone = firstPhone ? parseUkPhone(firstPhone.number) : undefined
      const parts = [
        organisationKindTitle(kind) ?? 'Kind not chosen',
        phone ? (phone.ok ? phone.value.display : firstPhone?.number) : undefined,
        status && status !== 'active' ? (status === 'closed' ? 'CLOSED' : 'RENAMED') : undefined,
      ]
      return { title: name ?? 'Unnamed organisation', subtitle: parts.filter(Boolean).join(' · ') }
    },
  },
})
