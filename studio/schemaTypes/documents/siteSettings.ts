// Site-wide settings, one document only (id "siteSettings"): the site's name, the default area and the safety features.
import { CogIcon } from '@sanity/icons/Cog'
import { checkHttpsUrl } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { fromRule, longSentenceRule, required } from '../validation'

export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({
      name: 'siteName',
      title: 'Site name',
      description: 'Shown at the top of every page, leaflet and email.',
      type: 'string',
      validation: (rule) => rule.custom(required('Add the site name.')),
    }),
    defineField({
      name: 'defaultArea',
      title: 'Default area',
      description: 'The area readers see when they have not chosen one.',
      type: 'reference',
      to: [{ type: 'area' }],
      validation: (rule) => rule.custom(required('Choose the default area.')),
    }),
    defineField({
      name: 'emergencyNotice',
      title: 'Emergency notice',
      description: 'Shown at the top of every page and leaflet, e.g. "If you are in immediate danger, call 999."',
      type: 'string',
      validation: (rule) => [rule.custom(required('Add the emergency notice (call 999).')), rule.custom(longSentenceRule).warning()],
    }),
    defineField({
      name: 'exitUrl',
      title: '"Exit this page" goes to',
      description: 'A harmless site the exit button opens, so someone watching sees nothing, e.g. https://www.bbc.co.uk/weather.',
      type: 'string',
      validation: (rule) => rule.custom(fromRule(checkHttpsUrl)),
    }),
  ],
  preview: {
    prepare: () => ({ title: 'Settings' }),
  },
})
