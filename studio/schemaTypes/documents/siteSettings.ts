// Site-wide settings, one document only (id "siteSettings"): the service's identity (name, funder line, logo, accent
// colour) that every channel shows, the default area and the safety features.
import { CogIcon } from '@sanity/icons/Cog'
import { accentColourWarning, checkAccentColour, checkHttpsUrl, checkLogoAlt, LOGO_MIME_TYPES } from '@signpost/content/rules'
import { defineField, defineType } from 'sanity'
import { controlCharactersRule, fromRule, longSentenceRule, required, requiredLine, singleLineRule, toValidation } from '../validation'

export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Settings',
  type: 'document',
  icon: CogIcon,
  validation: (rule) => rule.custom(controlCharactersRule),
  fields: [
    defineField({
      name: 'siteName',
      title: 'Site name',
      description: 'The name of this Signpost site, for staff and the Studio. Readers see the service name below instead.',
      type: 'string',
      validation: (rule) => rule.custom(requiredLine('Add the site name.')),
    }),
    defineField({
      name: 'serviceName',
      title: 'Service name',
      description:
        'The name readers know the service by, e.g. "Derbyshire Victim Services". Shown in the site header, on every leaflet cover and as the sender of advice emails.',
      type: 'string',
      validation: (rule) => rule.custom(requiredLine('Add the service name readers know, e.g. "Derbyshire Victim Services".')),
    }),
    defineField({
      name: 'funderLine',
      title: 'Funder line (optional)',
      description: 'Printed under the service name, e.g. "Funded by the Police and Crime Commissioner for Derbyshire".',
      type: 'string',
      validation: (rule) => [rule.custom(singleLineRule), rule.custom(longSentenceRule).warning()],
    }),
    defineField({
      name: 'logo',
      title: 'Logo',
      description: 'PNG or SVG. Leaflets and emails use it as it is, so a PNG of at least 600 pixels wide prints sharply.',
      type: 'image',
      options: { accept: LOGO_MIME_TYPES.join(',') },
      fields: [
        defineField({
          name: 'alt',
          title: 'Description (alt text)',
          description: 'What the logo says, for people who cannot see it. Usually the service name.',
          type: 'string',
          validation: (rule) =>
            rule.custom((value, context) => ((context.parent as { asset?: unknown } | undefined)?.asset ? toValidation(checkLogoAlt(value)) : true)),
        }),
      ],
    }),
    defineField({
      name: 'accentColour',
      title: 'Accent colour',
      description: 'A hex code such as #5b2a86, for the band on leaflet covers, the site header and headings. It must be dark enough for white text on it.',
      type: 'string',
      validation: (rule) => [rule.custom(fromRule(checkAccentColour)), rule.custom((value) => accentColourWarning(value) ?? true).warning()],
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
      validation: (rule) => [rule.custom(requiredLine('Add the emergency notice (call 999).')), rule.custom(longSentenceRule).warning()],
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
