// A phone number an organisation answers: checked with the one UK phone rule the site, leaflets and emails use.
import { MobileDeviceIcon } from '@sanity/icons/MobileDevice'
import { parseUkPhone } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { translationsField } from '../languages'
import { fromRule, singleLineRule } from '../validation'

export const phoneContact = defineType({
  name: 'phoneContact',
  title: 'Phone number',
  type: 'object',
  icon: MobileDeviceIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'What the call is for',
      description: 'Shown next to the number, e.g. "Report fraud to Action Fraud". Leave empty to just show the number.',
      type: 'string',
      validation: (rule) => rule.custom(singleLineRule),
    }),
    translationsField({ name: 'labelTranslations', title: 'What it is for, translated', of: 'The label', type: 'string' }),
    defineField({
      name: 'number',
      title: 'Phone number',
      description: 'A UK number as people dial it, e.g. 0800 612 6505, 0300 123 2040 or 101. Spaces are fine.',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(parseUkPhone)),
    }),
    defineField({
      name: 'hours',
      title: 'Opening hours',
      description: 'When someone answers, in plain words, e.g. "Monday to Friday, 8am to 8pm". Leave empty if not known.',
      type: 'string',
      validation: (rule) => rule.custom(singleLineRule),
    }),
    translationsField({ name: 'hoursTranslations', title: 'Opening hours, translated', of: 'The opening hours', type: 'string' }),
  ],
  preview: {
    select: { number: 'number', label: 'label', hours: 'hours' },
    prepare({ number, label, hours }) {
      const phone = parseUkPhone(number)
      return {
        title: phone.ok ? phone.value.display : (number ?? 'No number yet'),
        subtitle: [label, hours].filter(Boolean).join(' · ') || 'Phone',
      }
    },
  },
})
