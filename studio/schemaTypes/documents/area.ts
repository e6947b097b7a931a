// A police-force / Police and Crime Commissioner area: decides which local services a reader is shown.
import { PinIcon } from '@sanity/icons/Pin'
import { defineField, defineType } from 'sanity'
import { slugField } from '../slug'
import { controlCharactersRule, requiredLine } from '../validation'

export const area = defineType({
  name: 'area',
  title: 'Area',
  type: 'document',
  icon: PinIcon,
  validation: (rule) => rule.custom(controlCharactersRule),
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      description: 'The area as people call it, e.g. "Derbyshire".',
      type: 'string',
      validation: (rule) => rule.custom(requiredLine('Add the area’s name.')),
    }),
    slugField('name', 'derbyshire'),
    defineField({
      name: 'forceName',
      title: 'Police force',
      description: 'The force that polices this area, e.g. "Derbyshire Constabulary".',
      type: 'string',
      validation: (rule) => rule.custom(requiredLine('Add the name of the police force.')),
    }),
    defineField({
      name: 'commissioner',
      title: "Police and Crime Commissioner's office",
      description: 'Optional: the organisation entry for the commissioner, who usually funds local victim services.',
      type: 'reference',
      to: [{ type: 'organisation' }],
    }),
  ],
  preview: {
    select: { title: 'name', subtitle: 'forceName' },
  },
})
