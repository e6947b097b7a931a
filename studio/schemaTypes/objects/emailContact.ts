// An email address an organisation publishes, checked by the shared email rule.
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { checkEmailAddress } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { translationsField } from '../languages'
import { fromRule, singleLineRule } from '../validation'

export const emailContact = defineType({
  name: 'emailContact',
  title: 'Email address',
  type: 'object',
  icon: EnvelopeIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'What the email is for',
      description: 'Optional, e.g. "Email the support team".',
      type: 'string',
      validation: (rule) => rule.custom(singleLineRule),
    }),
    translationsField({ name: 'labelTranslations', title: 'What it is for, translated', of: 'The label', type: 'string' }),
    defineField({
      name: 'address',
      title: 'Email address',
      description: 'e.g. help@example.org',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(checkEmailAddress)),
    }),
  ],
  preview: {
    select: { address: 'address', label: 'label' },
    prepare({ address, label }) {
      return { title: address ?? 'No address yet', subtitle: label ?? 'Email' }
    },
  },
})
