// A web address an organisation can be reached at: https only, checked by the shared URL rule.
import { LinkIcon } from '@sanity/icons/Link'
import { checkHttpsUrl, displayUrl } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { translationsField } from '../languages'
import { fromRule, singleLineRule } from '../validation'

export const websiteContact = defineType({
  name: 'websiteContact',
  title: 'Website',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'What the link is for',
      description: 'Optional, e.g. "Report online". Leave empty to show the address itself.',
      type: 'string',
      validation: (rule) => rule.custom(singleLineRule),
    }),
    translationsField({ name: 'labelTranslations', title: 'What it is for, translated', of: 'The label', type: 'string' }),
    defineField({
      name: 'url',
      title: 'Web address',
      description: 'The full address starting with https://, e.g. https://www.actionfraud.police.uk.',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(checkHttpsUrl)),
    }),
  ],
  preview: {
    select: { url: 'url', label: 'label' },
    prepare({ url, label }) {
      return { title: typeof url === 'string' ? displayUrl(url) : 'No web address yet', subtitle: label ?? 'Website' }
    },
  },
})
